namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>What a Secure Boot servicing event says happened to an update.</summary>
public enum SecureBootEventOutcome
{
    /// <summary>An update was applied, or the device is up to date.</summary>
    Success,

    /// <summary>An update was tried and failed, or was not applied because of something on the device that has to change.</summary>
    Failure,

    /// <summary>An update is still pending, or Windows held it back on purpose (a known device issue, a missing OEM-signed KEK).</summary>
    Warning,

    /// <summary>Nothing went wrong: a step or a state worth knowing.</summary>
    Information,
}
