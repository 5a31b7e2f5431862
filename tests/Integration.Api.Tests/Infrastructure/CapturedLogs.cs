using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>A logger provider that keeps what the host logs, as the log stream would receive it, scopes included.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> All => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scoped = new List<KeyValuePair<string, object?>>();
            owner._scopes.ForEachScope(static (scope, values) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    values.AddRange(pairs);
                }
                else if (scope is IEnumerable<KeyValuePair<string, object>> plain)
                {
                    values.AddRange(plain.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
                }
            }, scoped);
            owner._logs.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception),
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? [], exception, scoped));
        }
    }
}

public sealed record CapturedLog(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Fields, Exception? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> Scopes)
{
    public object? Field(string name) => Fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>A value of the scopes the line was written in (trace id, request id, partner and client id …), as a string.</summary>
    public string? Scoped(string name) => Scopes.LastOrDefault(s => s.Key == name).Value?.ToString();
}
