using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Cryptography;

/// <summary>
/// The cryptography checks (issue 12): the FIPS algorithm policy, the SChannel protocol switches (TLS 1.0 and 1.1 off, TLS 1.2
/// and 1.3 on, server and client side), the TLS cipher-suite order against the Azure Local baseline's allowed list, and SMB
/// encryption (required on the server, AES-256 preferred by server and client). A registry key that does not exist means the
/// OS default, which is said when it is known for the node's build (<see cref="SchannelDefaults"/>) and Unknown otherwise; a
/// fact the bundle does not hold is Unknown with the reason. Pure.
/// </summary>
public static class CryptographyChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "Cryptography";

    /// <summary>The FIPS algorithm policy is on.</summary>
    public const string FipsId = "ALSEC-CRYPTO-001";

    /// <summary>TLS 1.0 is off (server and client).</summary>
    public const string Tls10Id = "ALSEC-CRYPTO-002";

    /// <summary>TLS 1.1 is off (server and client).</summary>
    public const string Tls11Id = "ALSEC-CRYPTO-003";

    /// <summary>TLS 1.2 is on (server and client).</summary>
    public const string Tls12Id = "ALSEC-CRYPTO-004";

    /// <summary>TLS 1.3 is on (server and client).</summary>
    public const string Tls13Id = "ALSEC-CRYPTO-005";

    /// <summary>The cipher-suite order holds only suites the baseline allows, none weak.</summary>
    public const string CipherSuitesId = "ALSEC-CRYPTO-006";

    /// <summary>The SMB server requires encryption.</summary>
    public const string SmbEncryptionId = "ALSEC-CRYPTO-007";

    /// <summary>SMB server and client offer and prefer an AES-256 cipher.</summary>
    public const string SmbCiphersId = "ALSEC-CRYPTO-008";

    private static readonly string[] FipsReferences =
    [
        "https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/system-cryptography-use-fips-compliant-algorithms-for-encryption-hashing-and-signing",
        "https://learn.microsoft.com/windows/security/security-foundations/certification/fips-140-validation",
    ];

    private static readonly string[] TlsReferences =
    [
        "https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings",
        "https://learn.microsoft.com/windows/win32/secauthn/protocols-in-tls-ssl--schannel-ssp-",
        "https://techcommunity.microsoft.com/t5/windows-it-pro-blog/tls-1-0-and-tls-1-1-soon-to-be-disabled-in-windows/ba-p/3887947",
    ];

    private static readonly string[] CipherReferences =
    [
        "https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-server-2022",
        "https://learn.microsoft.com/windows-server/security/tls/manage-tls",
        "https://learn.microsoft.com/azure/azure-local/concepts/secure-baseline",
    ];

    private static readonly string[] SmbReferences =
    [
        "https://learn.microsoft.com/windows-server/storage/file-server/smb-security",
        "https://learn.microsoft.com/previous-versions/windows/desktop/smbwmi/msft-smbserverconfiguration",
    ];

    private static readonly (string Id, string Protocol, bool WantOn, Severity Severity)[] Protocols =
    [
        (Tls10Id, "TLS 1.0", false, Severity.High),
        (Tls11Id, "TLS 1.1", false, Severity.High),
        (Tls12Id, "TLS 1.2", true, Severity.High),
        (Tls13Id, "TLS 1.3", true, Severity.Medium),
    ];

    /// <summary>Runs every cryptography check on <paramref name="bundle"/>, in id order.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var node = bundle.NodeName;
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            const string Why = "The FIPS policy, SChannel and SMB settings are Windows'; this node runs Linux.";
            return AllIds().Select(c => Result(c.Id, c.Title, CheckStatus.NotApplicable, c.Severity, c.Expected, null, null, Why, null, c.References, node)).ToList();
        }

        var build = SystemInfoAnalyzer.BuildNumber(SystemInfoAnalyzer.Analyze(bundle));
        var results = new List<SecurityCheckResult> { CheckFips(bundle) };
        results.AddRange(Protocols.Select(p => CheckProtocol(bundle, build, p.Id, p.Protocol, p.WantOn, p.Severity)));
        results.Add(CheckCipherSuites(bundle, build));
        results.Add(CheckSmbEncryption(bundle));
        results.Add(CheckSmbCiphers(bundle));
        return results;
    }

    private static IEnumerable<(string Id, string Title, Severity Severity, string Expected, string[] References)> AllIds() =>
    [
        (FipsId, FipsTitle, Severity.Medium, FipsExpected, FipsReferences),
        .. Protocols.Select(p => (p.Id, ProtocolTitle(p.Protocol, p.WantOn), p.Severity, ProtocolExpected(p.WantOn), TlsReferences)),
        (CipherSuitesId, CipherTitle, Severity.High, CipherExpected(), CipherReferences),
        (SmbEncryptionId, SmbEncryptionTitle, Severity.Medium, SmbEncryptionExpected, SmbReferences),
        (SmbCiphersId, SmbCiphersTitle, Severity.Low, SmbCiphersExpected, SmbReferences),
    ];

    private const string FipsTitle = "The FIPS algorithm policy is on (System cryptography: Use FIPS compliant algorithms)";
    private const string FipsExpected = @"FipsAlgorithmPolicy\Enabled = 1";

    private static SecurityCheckResult CheckFips(EvidenceBundle bundle)
    {
        var node = bundle.NodeName;
        var key = ReadKey(bundle, CryptographyEvidenceIds.FipsAlgorithmPolicyKey);
        if (key.Unknown is { } why)
        {
            return Result(FipsId, FipsTitle, CheckStatus.Unknown, Severity.Medium, FipsExpected, null, key.Source, why, null, FipsReferences, node);
        }

        var legacy = ReadKey(bundle, SecuredCoreEvidenceIds.LsaKey).Key?.GetValue(CryptographyEvidenceIds.LegacyFipsValueName)?.AsInt64();
        var legacyNote = legacy is { } l
            ? string.Format(CultureInfo.InvariantCulture, " The LSA key also holds the legacy {0} = {1}, which only Windows XP and Server 2003 read.", CryptographyEvidenceIds.LegacyFipsValueName, l)
            : string.Empty;
        const string Remedy = "Turn the policy on: Computer Configuration > Windows Settings > Security Settings > Local Policies > Security Options > System cryptography: Use FIPS compliant algorithms for encryption, hashing, and signing = Enabled (it writes FipsAlgorithmPolicy\\Enabled = 1), then restart. Test the node's workloads first: applications that use non-FIPS algorithms fail.";
        var value = key.Key?.GetValue("Enabled");
        if (value is null)
        {
            var what = key.Key is null ? "The FipsAlgorithmPolicy key does not exist" : "The FipsAlgorithmPolicy key has no Enabled value";
            return Result(FipsId, FipsTitle, CheckStatus.NonCompliant, Severity.Medium, FipsExpected, "not set (default: Disabled)", key.Source,
                what + ", so the policy's default applies: Disabled." + legacyNote, Remedy, FipsReferences, node);
        }

        var actual = "Enabled = " + value;
        return value.AsInt64() switch
        {
            1 => Result(FipsId, FipsTitle, CheckStatus.Compliant, Severity.Medium, FipsExpected, actual, key.Source, null, null, FipsReferences, node),
            0 => Result(FipsId, FipsTitle, CheckStatus.NonCompliant, Severity.Medium, FipsExpected, actual, key.Source, "The FIPS algorithm policy is set to Disabled." + legacyNote, Remedy, FipsReferences, node),
            _ => Result(FipsId, FipsTitle, CheckStatus.Unknown, Severity.Medium, FipsExpected, actual, key.Source,
                "Enabled holds " + value + " (" + value.Kind + "), not the 0 or 1 DWORD the policy writes; what Windows makes of it is not documented.", null, FipsReferences, node),
        };
    }

    private static string ProtocolTitle(string protocol, bool wantOn) => $"{protocol} is {(wantOn ? "enabled" : "disabled")} in SChannel (server and client)";

    private static string ProtocolExpected(bool wantOn) => wantOn ? "Enabled not 0 and DisabledByDefault not 1 (or both unset where the OS default is on)" : "Enabled = 0";

    private static SecurityCheckResult CheckProtocol(EvidenceBundle bundle, int? build, string id, string protocol, bool wantOn, Severity severity)
    {
        var node = bundle.NodeName;
        var title = ProtocolTitle(protocol, wantOn);
        var expected = ProtocolExpected(wantOn);
        var sides = ServerThenClient.Select(server => ProtocolSide(bundle, build, protocol, server, wantOn)).ToList();
        var source = string.Join("; ", sides.Select(s => s.Source).Where(s => s is not null));
        var actual = string.Join("; ", sides.Select(s => s.Actual));
        var bad = sides.Where(s => s.Status == CheckStatus.NonCompliant).ToList();
        if (bad.Count > 0)
        {
            var remedy = wantOn
                ? $@"Enable {protocol}: under HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\{protocol}\Server and \Client set Enabled = 1 and DisabledByDefault = 0 (DWORD), then restart."
                : $@"Disable {protocol}: under HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\{protocol}\Server and \Client set Enabled = 0 and DisabledByDefault = 1 (DWORD), then restart. The Azure Local baseline sets Enabled = 0 on both sides.";
            return Result(id, title, CheckStatus.NonCompliant, severity, expected, actual, source, string.Join(" ", bad.Select(s => s.Reason)), remedy, TlsReferences, node);
        }

        var unknown = sides.Where(s => s.Status == CheckStatus.Unknown).ToList();
        if (unknown.Count > 0)
        {
            return Result(id, title, CheckStatus.Unknown, severity, expected, actual, source, string.Join(" ", unknown.Select(s => s.Reason)), null, TlsReferences, node);
        }

        var notes = sides.Where(s => s.Reason is not null).Select(s => s.Reason);
        var note = string.Join(" ", notes);
        return Result(id, title, CheckStatus.Compliant, severity, expected, actual, source, note.Length == 0 ? null : note, null, TlsReferences, node);
    }

    private static (CheckStatus Status, string Actual, string? Source, string? Reason) ProtocolSide(EvidenceBundle bundle, int? build, string protocol, bool server, bool wantOn)
    {
        var side = server ? "Server" : "Client";
        var key = ReadKey(bundle, CryptographyEvidenceIds.ProtocolKey(protocol, server));
        if (key.Unknown is { } why)
        {
            return (CheckStatus.Unknown, side + ": not read", key.Source, why);
        }

        var enabled = key.Key?.GetValue("Enabled");
        var disabledByDefault = key.Key?.GetValue("DisabledByDefault");
        var shown = new List<string>();
        if (enabled is not null)
        {
            shown.Add("Enabled = " + enabled);
        }

        if (disabledByDefault is not null)
        {
            shown.Add("DisabledByDefault = " + disabledByDefault);
        }

        var enabledNumber = enabled?.AsInt64();
        var offByDefault = disabledByDefault?.AsInt64() is { } d && d != 0;
        if ((enabled is not null && enabledNumber is null) || (disabledByDefault is not null && disabledByDefault.AsInt64() is null))
        {
            return (CheckStatus.Unknown, side + ": " + string.Join(", ", shown), key.Source, $"{protocol} {side}: a value is not a number, which SChannel does not document.");
        }

        if (enabledNumber == 0)
        {
            var state = side + ": " + string.Join(", ", shown);
            return wantOn
                ? (CheckStatus.NonCompliant, state, key.Source, $"{protocol} {side} is disabled (Enabled = 0).")
                : (CheckStatus.Compliant, state, key.Source, null);
        }

        if (enabledNumber is not null)
        {
            var state = side + ": " + string.Join(", ", shown);
            if (!wantOn)
            {
                return (CheckStatus.NonCompliant, state, key.Source, $"{protocol} {side} is enabled (Enabled = {enabled})" + (offByDefault ? ", though not used unless an application asks for it (DisabledByDefault = 1)." : "."));
            }

            return offByDefault
                ? (CheckStatus.NonCompliant, state, key.Source, $"{protocol} {side} is not used unless an application asks for it (DisabledByDefault = 1).")
                : (CheckStatus.Compliant, state, key.Source, null);
        }

        // No Enabled value: the OS default decides whether the protocol can be negotiated at all.
        var osDefault = SchannelDefaults.DefaultEnabled(protocol, build, out var defaultWhy);
        var where = key.Key is null ? "no key" : "no Enabled value";
        var described = side + ": " + where + (shown.Count > 0 ? ", " + string.Join(", ", shown) : string.Empty)
            + (osDefault is { } o ? $" (OS default on build {build}: {(o ? "enabled" : "disabled")})" : string.Empty);
        if (osDefault is null)
        {
            return (CheckStatus.Unknown, described, key.Source, $"{protocol} {side}: {where}. {defaultWhy}");
        }

        if (!wantOn)
        {
            return osDefault == true
                ? (CheckStatus.NonCompliant, described, key.Source, $"{protocol} {side} sets no Enabled value, so the OS default applies: enabled on build {build}" + (offByDefault ? " (DisabledByDefault = 1 keeps it out of the default list, but an application can still ask for it)." : "."))
                : (CheckStatus.Compliant, described, key.Source, $"{protocol} {side}: disabled by the OS default of build {build}.");
        }

        if (osDefault == false)
        {
            return (CheckStatus.NonCompliant, described, key.Source, $"{protocol} {side} is disabled by the OS default of build {build}.");
        }

        return offByDefault
            ? (CheckStatus.NonCompliant, described, key.Source, $"{protocol} {side} is not used unless an application asks for it (DisabledByDefault = 1).")
            : (CheckStatus.Compliant, described, key.Source, $"{protocol} {side}: enabled by the OS default of build {build}.");
    }

    private const string CipherTitle = "The TLS cipher-suite order holds only suites the Azure Local baseline allows, none weak";

    private static string CipherExpected() =>
        TlsCipherSuites.BaselineAllowed is { } allowed ? "at most: " + string.Join(", ", allowed) : "no weak suite (RC4, 3DES, NULL, EXPORT, CBC-SHA1 without ECDHE)";

    private static SecurityCheckResult CheckCipherSuites(EvidenceBundle bundle, int? build)
    {
        var node = bundle.NodeName;
        var expected = CipherExpected();
        var policy = ReadKey(bundle, CryptographyEvidenceIds.CipherSuitePolicyKey);
        var local = ReadKey(bundle, CryptographyEvidenceIds.CipherSuiteLocalKey);
        var source = string.Join("; ", new[] { policy.Source, local.Source }.Where(s => s is not null));
        if (policy.Unknown is { } policyWhy)
        {
            return Result(CipherSuitesId, CipherTitle, CheckStatus.Unknown, Severity.High, expected, null, policy.Source, policyWhy, null, CipherReferences, node);
        }

        IReadOnlyList<string>? suites;
        string origin;
        var policyValue = policy.Key?.GetValue("Functions");
        if (policyValue is not null)
        {
            suites = TlsCipherSuites.Read(policyValue);
            origin = "policy order (SSL Cipher Suite Order)";
            source = policy.Source ?? source;
        }
        else
        {
            if (local.Unknown is { } localWhy)
            {
                return Result(CipherSuitesId, CipherTitle, CheckStatus.Unknown, Severity.High, expected, null, local.Source, "No policy order is set. " + localWhy, null, CipherReferences, node);
            }

            var localValue = local.Key?.GetValue("Functions");
            if (localValue is null)
            {
                return NoConfiguredOrder(node, expected, source, build);
            }

            suites = TlsCipherSuites.Read(localValue);
            origin = "local configuration (no policy order set)";
            source = local.Source ?? source;
            policyValue = localValue;
        }

        if (suites is null || suites.Count == 0)
        {
            return Result(CipherSuitesId, CipherTitle, CheckStatus.Unknown, Severity.High, expected, policyValue.ToString(), source,
                $"The {origin} Functions value is {(suites is null ? "a " + policyValue.Kind + ", not a list of names" : "empty")}; what SChannel does with it is not documented.", null, CipherReferences, node);
        }

        var actual = $"{origin}: {string.Join(", ", suites)}";
        var allowed = TlsCipherSuites.BaselineAllowed;
        var weak = suites.Select(s => (Suite: s, Why: TlsCipherSuites.Weakness(s))).Where(w => w.Why is not null).ToList();
        var outside = allowed is null ? [] : suites.Where(s => !allowed.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        if (weak.Count == 0 && outside.Count == 0)
        {
            return Result(CipherSuitesId, CipherTitle, CheckStatus.Compliant, Severity.High, expected, actual, source, null, null, CipherReferences, node);
        }

        var parts = new List<string>();
        if (weak.Count > 0)
        {
            parts.Add("Weak suites: " + string.Join(", ", weak.Select(w => $"{w.Suite} ({w.Why})")) + ".");
        }

        if (outside.Count > 0)
        {
            parts.Add($"Not in the baseline's allowed list ({TlsCipherSuites.BaselineRelease}): " + string.Join(", ", outside) + ".");
        }

        var remedy = "Set the order to the baseline's list: Computer Configuration > Administrative Templates > Network > SSL Configuration Settings > SSL Cipher Suite Order"
            + (allowed is null ? string.Empty : " = " + string.Join(",", allowed)) + " (or Disable-TlsCipherSuite for each suite outside it), then restart.";
        return Result(CipherSuitesId, CipherTitle, CheckStatus.NonCompliant, weak.Count > 0 ? Severity.High : Severity.Medium, expected, actual, source, string.Join(" ", parts), remedy, CipherReferences, node);
    }

    private static SecurityCheckResult NoConfiguredOrder(string node, string expected, string source, int? build)
    {
        const string Actual = "no order configured (OS default order)";
        if (build is SchannelDefaults.WindowsServer2022Build or SchannelDefaults.AzureStackHci22H2Build)
        {
            // Microsoft's "TLS Cipher Suites in Windows Server 2022" lists these as enabled by default; none is in the baseline's list.
            return Result(CipherSuitesId, CipherTitle, CheckStatus.NonCompliant, Severity.Medium, expected, Actual, source,
                "Neither a policy order nor a local configuration is set, so the Windows Server 2022 default order applies, which enables suites outside the baseline's list such as TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA (CBC-SHA1) and TLS_RSA_WITH_AES_256_GCM_SHA384 (no forward secrecy).",
                "Set the SSL Cipher Suite Order policy to the baseline's list, then restart.", CipherReferences, node);
        }

        var buildText = build is { } b ? "build " + b.ToString(CultureInfo.InvariantCulture) : "this build (the bundle gives no build number)";
        return Result(CipherSuitesId, CipherTitle, CheckStatus.Unknown, Severity.High, expected, Actual, source,
            $"Neither a policy order nor a local configuration is set, so the OS default order applies; the module does not know that order for {buildText}. Get-TlsCipherSuite on the node lists it.",
            null, CipherReferences, node);
    }

    private const string SmbEncryptionTitle = "The SMB server requires encryption";
    private const string SmbEncryptionExpected = "EncryptData = True, RejectUnencryptedAccess = True";

    private static SecurityCheckResult CheckSmbEncryption(EvidenceBundle bundle)
    {
        var node = bundle.NodeName;
        var record = ReadRecord(bundle, SecuredCoreEvidenceIds.SmbServerConfiguration, "MSFT_SmbServerConfiguration", out var source, out var why);
        if (record is null)
        {
            return Result(SmbEncryptionId, SmbEncryptionTitle, CheckStatus.Unknown, Severity.Medium, SmbEncryptionExpected, null, source, why, null, SmbReferences, node);
        }

        var encrypt = record.Get("EncryptData")?.AsBoolean();
        var reject = record.Get("RejectUnencryptedAccess")?.AsBoolean();
        var actual = $"EncryptData = {Show(encrypt)}, RejectUnencryptedAccess = {Show(reject)}";
        if (encrypt == false)
        {
            return Result(SmbEncryptionId, SmbEncryptionTitle, CheckStatus.NonCompliant, Severity.Medium, SmbEncryptionExpected, actual, source,
                "SMB encryption is off for the server as a whole: only shares that set EncryptData themselves are encrypted.",
                "Set-SmbServerConfiguration -EncryptData $true -RejectUnencryptedAccess $true (or per share: Set-SmbShare -EncryptData $true).", SmbReferences, node);
        }

        if (reject == false)
        {
            return Result(SmbEncryptionId, SmbEncryptionTitle, CheckStatus.NonCompliant, Severity.Medium, SmbEncryptionExpected, actual, source,
                "Encryption is on, but RejectUnencryptedAccess is off: a client without SMB 3 encryption is served unencrypted.",
                "Set-SmbServerConfiguration -RejectUnencryptedAccess $true.", SmbReferences, node);
        }

        if (encrypt is null || reject is null)
        {
            return Result(SmbEncryptionId, SmbEncryptionTitle, CheckStatus.Unknown, Severity.Medium, SmbEncryptionExpected, actual, source,
                "MSFT_SmbServerConfiguration has no " + (encrypt is null ? "EncryptData" : "RejectUnencryptedAccess") + " Boolean in the bundle.", null, SmbReferences, node);
        }

        return Result(SmbEncryptionId, SmbEncryptionTitle, CheckStatus.Compliant, Severity.Medium, SmbEncryptionExpected, actual, source, null, null, SmbReferences, node);
    }

    private const string SmbCiphersTitle = "SMB server and client offer and prefer an AES-256 encryption cipher";
    private const string SmbCiphersExpected = "EncryptionCiphers starts with AES_256_GCM or AES_256_CCM (server and client)";

    private static readonly bool[] ServerThenClient = [true, false];

    private static readonly string[] KnownSmbCiphers = ["AES_128_CCM", "AES_128_GCM", "AES_256_CCM", "AES_256_GCM"];

    private static SecurityCheckResult CheckSmbCiphers(EvidenceBundle bundle)
    {
        var node = bundle.NodeName;
        var sides = new[]
        {
            SmbCipherSide(bundle, SecuredCoreEvidenceIds.SmbServerConfiguration, "MSFT_SmbServerConfiguration", "Server"),
            SmbCipherSide(bundle, SecuredCoreEvidenceIds.SmbClientConfiguration, "MSFT_SmbClientConfiguration", "Client"),
        };
        var source = string.Join("; ", sides.Select(s => s.Source).Where(s => s is not null));
        var actual = string.Join("; ", sides.Select(s => s.Actual));
        var noAes256 = sides.Where(s => s.Status == CheckStatus.NonCompliant && s.Severity == Severity.Medium).ToList();
        var bad = sides.Where(s => s.Status == CheckStatus.NonCompliant).ToList();
        if (bad.Count > 0)
        {
            return Result(SmbCiphersId, SmbCiphersTitle, CheckStatus.NonCompliant, noAes256.Count > 0 ? Severity.Medium : Severity.Low, SmbCiphersExpected, actual, source,
                string.Join(" ", bad.Select(s => s.Reason)),
                "Put AES-256 first: Set-SmbServerConfiguration -EncryptionCiphers \"AES_256_GCM, AES_256_CCM, AES_128_GCM, AES_128_CCM\" and Set-SmbClientConfiguration -EncryptionCiphers with the same list (leave the AES-128 ones out to require AES-256).",
                SmbReferences, node);
        }

        var unknown = sides.Where(s => s.Status == CheckStatus.Unknown).ToList();
        if (unknown.Count > 0)
        {
            return Result(SmbCiphersId, SmbCiphersTitle, CheckStatus.Unknown, Severity.Low, SmbCiphersExpected, actual, source, string.Join(" ", unknown.Select(s => s.Reason)), null, SmbReferences, node);
        }

        return Result(SmbCiphersId, SmbCiphersTitle, CheckStatus.Compliant, Severity.Low, SmbCiphersExpected, actual, source, null, null, SmbReferences, node);
    }

    private static (CheckStatus Status, Severity Severity, string Actual, string? Source, string? Reason) SmbCipherSide(EvidenceBundle bundle, string id, string className, string side)
    {
        var record = ReadRecord(bundle, id, className, out var source, out var why);
        if (record is null)
        {
            return (CheckStatus.Unknown, Severity.Low, side + ": not read", source, why);
        }

        var text = record.Get("EncryptionCiphers")?.AsString();
        if (text is null)
        {
            return (CheckStatus.Unknown, Severity.Low, side + ": no EncryptionCiphers", source,
                $"{className} has no EncryptionCiphers string: builds before Windows Server 2022 do not have it, or the capture did not record it.");
        }

        var ciphers = text.Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var actual = side + ": " + (ciphers.Count == 0 ? "(empty)" : string.Join(", ", ciphers));
        if (ciphers.Count == 0)
        {
            return (CheckStatus.Unknown, Severity.Low, actual, source, $"{side} EncryptionCiphers is empty; which ciphers SMB then offers is not documented.");
        }

        var unknownNames = ciphers.Where(c => !KnownSmbCiphers.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var unknownNote = unknownNames.Count > 0 ? $" It also names ciphers this module does not know: {string.Join(", ", unknownNames)}." : string.Empty;
        if (!ciphers.Any(IsAes256))
        {
            return (CheckStatus.NonCompliant, Severity.Medium, actual, source, $"The SMB {side.ToLowerInvariant()} offers no AES-256 cipher, only AES-128.{unknownNote}");
        }

        if (!IsAes256(ciphers[0]))
        {
            return (CheckStatus.NonCompliant, Severity.Low, actual, source, $"The SMB {side.ToLowerInvariant()} prefers {ciphers[0]}: AES-256 is offered but negotiated only when the peer does not offer the AES-128 cipher first.{unknownNote}");
        }

        return unknownNames.Count > 0
            ? (CheckStatus.Compliant, Severity.Low, actual, source, unknownNote.Trim())
            : (CheckStatus.Compliant, Severity.Low, actual, source, null);
    }

    private static bool IsAes256(string cipher) =>
        string.Equals(cipher, "AES_256_GCM", StringComparison.OrdinalIgnoreCase) || string.Equals(cipher, "AES_256_CCM", StringComparison.OrdinalIgnoreCase);

    private static string Show(bool? value) => value is { } b ? (b ? "True" : "False") : "not recorded";

    /// <summary>A registry key of the bundle: the key (null when it does not exist), or why it is unknown.</summary>
    private static (RegistryKeyEvidence? Key, string? Source, string? Unknown) ReadKey(EvidenceBundle bundle, string path)
    {
        var item = bundle.Find(EvidenceIds.Registry(path));
        if (item is null)
        {
            return (null, null, $"The bundle does not hold {path} (captured by a module that did not read it); capture again with Export-ALSecurityEvidence.");
        }

        if (item.Error is { } error)
        {
            return error.Category == EvidenceErrorCategory.NotFound
                ? (null, item.Source, null)
                : (null, item.Source, $"{path} could not be read: {error}.");
        }

        return (item.Registry, item.Source, null);
    }

    private static EvidenceRecord? ReadRecord(EvidenceBundle bundle, string id, string className, out string? source, out string? why)
    {
        var item = bundle.Find(id);
        source = item?.Source;
        why = null;
        if (item is null)
        {
            why = $"The bundle does not hold {className} (captured by a module that did not read it).";
            return null;
        }

        if (item.Error is { } error)
        {
            why = error.Category == EvidenceErrorCategory.NotFound
                ? $"{className} is not there (the SMB WMI provider is missing): {error}."
                : $"{className} could not be read: {error}.";
            return null;
        }

        var record = item.Records is { Count: > 0 } records ? records[0] : null;
        if (record is null)
        {
            why = $"{className} has no instance in the bundle.";
        }

        return record;
    }

    private static SecurityCheckResult Result(string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string[] references, string node) =>
        new(id, title, Area, status, severity, expected, actual, string.IsNullOrEmpty(source) ? null : source, reason, remediation, references, node);
}
