using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Cryptography;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Checks a node's cryptography: the FIPS algorithm policy, SChannel's TLS 1.0-1.3 switches, the TLS cipher-suite order against the Azure Local baseline's list, and SMB encryption and its ciphers.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALCryptography", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityCheckResult))]
public sealed class TestALCryptographyCommand : EvidenceAnalysisCommand
{
    /// <inheritdoc />
    /// <remarks>The cryptography registry keys, and the Secured-core collectors for MSFT_SmbServerConfiguration, MSFT_SmbClientConfiguration and the LSA key.</remarks>
    protected override IEnumerable<IEvidenceCollector> LiveCollectors =>
        CryptographyCollectors.ForThisMachine().Concat(SecuredCoreCollectors.ForThisMachine());

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle) => WriteEach(CryptographyChecks.Evaluate(bundle));
}
