using System;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>
/// A rule could not be evaluated: a <c>Pattern</c> took longer than <see cref="RuleEvaluator.PatternTimeout"/>
/// on the value, in each of two tries. The result of such a rule is unknown, not a failure of the setting.
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleEvaluationException()
    {
        Pattern = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RuleEvaluationException(string message)
        : base(message)
    {
        Pattern = string.Empty;
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public RuleEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Pattern = string.Empty;
    }

    /// <summary>Creates the exception for the regular expression that could not be evaluated.</summary>
    public RuleEvaluationException(string message, string pattern, Exception? innerException)
        : base(message, innerException)
    {
        Pattern = pattern ?? string.Empty;
    }

    /// <summary>The regular expression that could not be evaluated (empty when not known).</summary>
    public string Pattern { get; }
}
