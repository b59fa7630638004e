namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>One finding of <see cref="SiPolicyValidator"/>: how serious, a stable code, what is wrong, and where.</summary>
public sealed class SiPolicyValidationIssue
{
    internal SiPolicyValidationIssue(SiPolicyValidationSeverity severity, string code, string message, string path)
    {
        Severity = severity;
        Code = code;
        Message = message;
        Path = path;
    }

    /// <summary>Error or Warning.</summary>
    public SiPolicyValidationSeverity Severity { get; }

    /// <summary>A stable code (the constants of <see cref="SiPolicyValidator"/>, such as UnresolvedReference).</summary>
    public string Code { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Message { get; }

    /// <summary>The element, as a path from the root: <c>FileRules/Allow[@ID='ID_ALLOW_A_1']</c>.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Severity} {Code} at {Path}: {Message}";
}
