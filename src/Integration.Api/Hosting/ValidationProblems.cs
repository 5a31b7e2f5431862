using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Integration.Api.Hosting;

/// <summary>
/// Shapes model-binding failures (bad JSON, wrong types, unknown or missing fields) as a 400 problem
/// whose <c>errors</c> name the fields the way the partner wrote them.
/// </summary>
public static partial class ValidationProblems
{
    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("missing required properties including: (?<names>.+)\\.")]
    private static partial Regex MissingMembers();

    public static IActionResult Create(ActionContext context)
    {
        var errors = new Dictionary<string, string[]>();
        // Only a body's own name: a query parameter's error is the specific error about it.
        var bodyParameters = context.ActionDescriptor.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState != ModelValidationState.Invalid)
            {
                continue;
            }
            foreach (var error in entry.Errors)
            {
                var (field, message) = Describe(key, error);
                if (bodyParameters.Contains(field) && context.ModelState.Count > 1)
                {
                    continue; // "The request field is required" repeats what the specific error says
                }
                errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
            }
        }
        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request is not valid; see errors for each field.",
        };
        problem.Extensions["code"] = "validation_failed";
        Problems.Complete(problem, context.HttpContext);
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static (string Field, string Message) Describe(string key, ModelError error)
    {
        var raw = error.Exception?.Message ?? error.ErrorMessage;
        var field = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key == "$" ? "body" : key;
        if (UnknownMember().Match(raw) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            var path = field == "body" || field == name || field.EndsWith("." + name, StringComparison.Ordinal) ? field : $"{field}.{name}";
            return (path == "body" ? name : path, $"Unknown field '{name}'.");
        }
        if (MissingMembers().Match(raw) is { Success: true } missing)
        {
            return (field, $"Missing required field(s): {missing.Groups["names"].Value}.");
        }
        if (raw.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return (field, "The value has the wrong type or format.");
        }
        if (raw.Contains("is an invalid start of a value", StringComparison.Ordinal)
            || raw.Contains("expected end of", StringComparison.OrdinalIgnoreCase)
            || raw.Contains("JSON", StringComparison.Ordinal) && error.Exception is not null)
        {
            return ("body", "The body is not valid JSON.");
        }
        return (field, string.IsNullOrEmpty(raw) ? "The value is not valid." : raw);
    }
}
