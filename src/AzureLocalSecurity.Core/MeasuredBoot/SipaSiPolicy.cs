using System.Globalization;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// SIPAEVENT_SI_POLICY_PAYLOAD (wbcl.h): an App Control (WDAC) policy Windows measured at boot: its version, its name, and
/// the digest of the policy.
/// </summary>
public sealed class SipaSiPolicy
{
    internal SipaSiPolicy(ulong policyVersion, string name, ushort hashAlgorithm, string digest)
    {
        PolicyVersion = policyVersion;
        Name = name;
        HashAlgorithm = hashAlgorithm;
        Digest = digest;
    }

    /// <summary>PolicyVersion, as the 64-bit number the payload holds.</summary>
    public ulong PolicyVersion { get; }

    /// <summary>The policy name (UTF-16, its terminating zero left out).</summary>
    public string Name { get; }

    /// <summary>HashAlgID, a TPM_ALG_ID (0x000B for SHA-256).</summary>
    public ushort HashAlgorithm { get; }

    /// <summary>The hash algorithm's name as tpm2-tools gives it (sha256, ...).</summary>
    public string HashAlgorithmName => TpmNames.Algorithm(HashAlgorithm);

    /// <summary>The policy digest as upper-case hex.</summary>
    public string Digest { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} (version 0x{1:X16}) {2}:{3}", Name, PolicyVersion, HashAlgorithmName, Digest);
}
