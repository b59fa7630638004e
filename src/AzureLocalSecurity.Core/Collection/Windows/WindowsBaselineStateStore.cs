using System;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// The live Windows node as a state store: a read captures the one setting with the same collector a full
/// capture uses (so repair and audit agree on what a value is), a write goes through <see cref="WindowsBaselineWriter"/>.
/// </summary>
public sealed class WindowsBaselineStateStore : IBaselineStateStore
{
    private readonly WindowsBaselineWriter _writer = new();

    /// <inheritdoc />
    public FactReading Read(FactRef fact)
    {
        if (fact is null)
        {
            throw new ArgumentNullException(nameof(fact));
        }

        var node = EvidenceCapture.LocalNode();
        var bundle = EvidenceCapture.Capture(node, ModuleInfo.Version, [new WindowsBaselineCollector([fact])], new CollectionContext());
        return new BaselineFactReader(bundle).Read(fact);
    }

    /// <inheritdoc />
    public void Write(FactRef fact, FactValue value, string? registryType)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            throw new BaselineWriteException("Baseline settings are changed only on Windows.");
        }

        _writer.Write(fact, value, registryType);
    }
}
