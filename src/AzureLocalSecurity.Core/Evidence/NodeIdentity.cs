using System;

namespace AzureLocalSecurity.Evidence;

/// <summary>Which node a bundle describes, as the capturing process saw it.</summary>
public sealed class NodeIdentity
{
    /// <summary>Creates a node identity.</summary>
    public NodeIdentity(string name, NodePlatform platform, string operatingSystem, string architecture)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Platform = platform;
        OperatingSystem = operatingSystem ?? throw new ArgumentNullException(nameof(operatingSystem));
        Architecture = architecture ?? throw new ArgumentNullException(nameof(architecture));
    }

    /// <summary>The computer name.</summary>
    public string Name { get; }

    /// <summary>The OS family.</summary>
    public NodePlatform Platform { get; }

    /// <summary>The runtime's description of the OS (for people; analyzers read the raw facts instead).</summary>
    public string OperatingSystem { get; }

    /// <summary>The OS architecture, such as X64 or Arm64.</summary>
    public string Architecture { get; }
}
