namespace AzureLocalSecurity.Evidence;

/// <summary>Why a fact could not be read. Analyzers turn these into Unknown (or, where the absence is itself the fact, into a verdict).</summary>
public enum EvidenceErrorCategory
{
    /// <summary>The thing asked for does not exist (registry key, file, variable).</summary>
    NotFound,

    /// <summary>The caller lacks the right to read it.</summary>
    AccessDenied,

    /// <summary>The platform or this OS version has no such interface.</summary>
    NotSupported,

    /// <summary>The read failed for another reason; the message says which.</summary>
    Failed,
}
