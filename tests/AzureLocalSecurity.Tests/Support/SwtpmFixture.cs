using System;
using Xunit;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>Two software TPMs shared by the tests of the "swtpm" collection, which run one at a time (swtpm serves one connection at a time).</summary>
public sealed class SwtpmFixture : IDisposable
{
    private readonly Lazy<Swtpm> _bare = new(Swtpm.StartBare);

    public SwtpmFixture()
    {
        Provisioned = Swtpm.StartProvisioned();
    }

    /// <summary>A TPM with EK certificates, persistent EKs and sha1/sha256/sha384 banks.</summary>
    public Swtpm Provisioned { get; }

    /// <summary>A freshly manufactured TPM with nothing provisioned.</summary>
    public Swtpm Bare => _bare.Value;

    public void Dispose()
    {
        Provisioned.Dispose();
        if (_bare.IsValueCreated)
        {
            _bare.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SwtpmTests : ICollectionFixture<SwtpmFixture>
{
    public const string Name = "swtpm";
}
