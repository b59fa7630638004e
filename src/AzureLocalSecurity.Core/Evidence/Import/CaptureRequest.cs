using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>What the script was asked to read (the document's <c>request</c> block, echoing its parameters).</summary>
public sealed class CaptureRequest
{
    /// <summary>Creates a request.</summary>
    public CaptureRequest(IReadOnlyList<string> registryKeys, IReadOnlyList<string> userRights, IReadOnlyList<long> builtinRids, bool accountPolicy, bool auditPolicy, DateTimeOffset? since, int maxEvents)
    {
        RegistryKeys = registryKeys ?? throw new ArgumentNullException(nameof(registryKeys));
        UserRights = userRights ?? throw new ArgumentNullException(nameof(userRights));
        BuiltinRids = builtinRids ?? throw new ArgumentNullException(nameof(builtinRids));
        AccountPolicy = accountPolicy;
        AuditPolicy = auditPolicy;
        Since = since;
        MaxEvents = maxEvents;
    }

    /// <summary>The baseline's registry keys (the fixed Secure Boot and Secured-core keys are read besides).</summary>
    public IReadOnlyList<string> RegistryKeys { get; }

    /// <summary>The user rights filed under <see cref="BaselineEvidenceIds.UserRights"/>, in this order.</summary>
    public IReadOnlyList<string> UserRights { get; }

    /// <summary>The built-in account RIDs filed under <see cref="BaselineEvidenceIds.BuiltinAccounts"/>.</summary>
    public IReadOnlyList<long> BuiltinRids { get; }

    /// <summary>Whether the password and lockout policy was asked for.</summary>
    public bool AccountPolicy { get; }

    /// <summary>Whether the audit policy was asked for.</summary>
    public bool AuditPolicy { get; }

    /// <summary>The oldest event read, or null for the default window.</summary>
    public DateTimeOffset? Since { get; }

    /// <summary>The most events read per log.</summary>
    public int MaxEvents { get; }
}
