using System;

namespace AzureLocalSecurity.Collection;

/// <summary>What collectors share: the clock that stamps facts, and the root the Linux collectors read under.</summary>
public sealed class CollectionContext
{
    /// <summary>Creates a context reading the real root with the system clock.</summary>
    public CollectionContext()
        : this("/", () => DateTimeOffset.UtcNow)
    {
    }

    /// <summary>Creates a context with a chosen Linux root (a test tree or a mounted image) and clock.</summary>
    public CollectionContext(string linuxRoot, Func<DateTimeOffset> clock)
    {
        LinuxRoot = string.IsNullOrEmpty(linuxRoot) ? throw new ArgumentException("A root path is required.", nameof(linuxRoot)) : linuxRoot;
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The folder that stands for <c>/</c> when Linux files are read.</summary>
    public string LinuxRoot { get; }

    /// <summary>The clock that stamps each fact.</summary>
    public Func<DateTimeOffset> Clock { get; }
}
