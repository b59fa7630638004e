namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>How serious a <see cref="SiPolicyValidationIssue"/> is.</summary>
public enum SiPolicyValidationSeverity
{
    /// <summary>The policy is wrong: Windows would refuse it or it would not do what it says.</summary>
    Error,

    /// <summary>The policy is valid but something in it is suspect, ignored, or cannot be compiled here.</summary>
    Warning,
}
