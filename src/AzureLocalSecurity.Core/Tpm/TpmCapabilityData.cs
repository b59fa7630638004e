using System.Collections.Generic;

namespace AzureLocalSecurity.Tpm;

/// <summary>One TPM2_GetCapability response: whether there is more, and the list of the capability asked for (the others are empty).</summary>
public sealed class TpmCapabilityData
{
    internal TpmCapabilityData(bool moreData, uint capability, IReadOnlyList<TpmTaggedProperty> properties, IReadOnlyList<TpmAlgorithmProperty> algorithms, IReadOnlyList<uint> handles, IReadOnlyList<TpmPcrSelection> pcrs)
    {
        MoreData = moreData;
        Capability = capability;
        Properties = properties;
        Algorithms = algorithms;
        Handles = handles;
        Pcrs = pcrs;
    }

    /// <summary>True when the TPM has more values than it returned.</summary>
    public bool MoreData { get; }

    /// <summary>The capability (TPM_CAP) the data is for.</summary>
    public uint Capability { get; }

    /// <summary>TPM_CAP_TPM_PROPERTIES: the properties.</summary>
    public IReadOnlyList<TpmTaggedProperty> Properties { get; }

    /// <summary>TPM_CAP_ALGS: the algorithms.</summary>
    public IReadOnlyList<TpmAlgorithmProperty> Algorithms { get; }

    /// <summary>TPM_CAP_HANDLES: the handles.</summary>
    public IReadOnlyList<uint> Handles { get; }

    /// <summary>TPM_CAP_PCRS: the banks allocated and their PCRs.</summary>
    public IReadOnlyList<TpmPcrSelection> Pcrs { get; }
}
