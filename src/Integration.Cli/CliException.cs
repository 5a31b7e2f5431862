namespace Integration.Cli;

/// <summary>A failure that ends the command with a message and an exit code, without a stack trace.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
