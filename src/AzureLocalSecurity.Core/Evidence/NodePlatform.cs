namespace AzureLocalSecurity.Evidence;

/// <summary>The operating system family of the node a bundle was captured on.</summary>
public enum NodePlatform
{
    /// <summary>Not known (a bundle that did not say).</summary>
    Unknown,

    /// <summary>Windows (Azure Local, Windows Server, Windows client).</summary>
    Windows,

    /// <summary>Linux.</summary>
    Linux,
}
