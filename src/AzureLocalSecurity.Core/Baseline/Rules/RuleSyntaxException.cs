using System;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>An Expected Value that is not a valid expression: what was wrong, and the 1-based column where it was found.</summary>
public sealed class RuleSyntaxException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public RuleSyntaxException()
    {
        ExpressionText = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RuleSyntaxException(string message)
        : base(message)
    {
        ExpressionText = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RuleSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExpressionText = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="text"/> at <paramref name="column"/> (1-based).</summary>
    public RuleSyntaxException(string problem, string text, int column)
        : base($"{problem} at column {column} of \"{Shorten(text)}\".")
    {
        Problem = problem;
        ExpressionText = text ?? string.Empty;
        Column = column;
    }

    /// <summary>What was wrong.</summary>
    public string? Problem { get; }

    /// <summary>The expression that failed.</summary>
    public string ExpressionText { get; }

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }

    private static string Shorten(string? text)
    {
        text ??= string.Empty;
        return text.Length <= 200 ? text : text.Substring(0, 200) + "…";
    }
}
