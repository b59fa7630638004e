using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// A policy file as <c>Get-ALApplicationControlPolicy</c> shows it: the policy, whether it was XML or compiled (told by
/// content, not by extension), for a compiled one its format and signers, and the validation issues when asked for.
/// </summary>
public sealed class SiPolicyFile
{
    private SiPolicyFile(string path, SiPolicyFileFormat format, SiPolicy policy, long size, CompiledPolicy? compiled)
    {
        Path = path;
        Format = format;
        Policy = policy;
        Size = size;
        FormatVersion = compiled?.FormatVersion;
        IsSigned = compiled?.IsSigned ?? false;
        Signers = compiled?.Signers ?? [];
        SignersUnknownReason = compiled?.SignersUnknownReason;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>XML or Binary.</summary>
    public SiPolicyFileFormat Format { get; }

    /// <summary>The policy.</summary>
    public SiPolicy Policy { get; }

    /// <summary>The file's size in bytes.</summary>
    public long Size { get; }

    /// <summary>A compiled policy's format version (1 to 8); null for XML.</summary>
    public int? FormatVersion { get; }

    /// <summary>Whether the file is a signed compiled policy (CMS SignedData; the signature is not verified).</summary>
    public bool IsSigned { get; }

    /// <summary>The signer subjects of a signed policy.</summary>
    public IReadOnlyList<string> Signers { get; }

    /// <summary>For a signed policy whose signers could not be named, why.</summary>
    public string? SignersUnknownReason { get; }

    /// <summary>The policy's PolicyID.</summary>
    public string? PolicyId => Policy.PolicyId;

    /// <summary>The policy's BasePolicyID.</summary>
    public string? BasePolicyId => Policy.BasePolicyId;

    /// <summary>The policy's name (the PolicyInfo Name setting, else the root's FriendlyName).</summary>
    public string? Name => Policy.Name ?? Policy.FriendlyName;

    /// <summary>The policy's VersionEx.</summary>
    public string? Version => Policy.VersionEx;

    /// <summary>Base, Supplemental or AppIdTagging (a policy without PolicyType is a base policy).</summary>
    public SiPolicyType Type => Policy.PolicyType ?? SiPolicyType.Base;

    /// <summary>Audit, Enforced, or BasePolicy for a supplemental policy.</summary>
    public SiPolicyMode Mode => Policy.Mode;

    /// <summary>How many options the policy sets.</summary>
    public int OptionCount => Policy.Rules.Count;

    /// <summary>How many file rules the policy has.</summary>
    public int FileRuleCount => Policy.FileRules.Count;

    /// <summary>How many signers the policy has.</summary>
    public int SignerCount => Policy.Signers.Count;

    /// <summary>The validator's findings when validation was asked for; null otherwise.</summary>
    public IReadOnlyList<SiPolicyValidationIssue>? ValidationIssues { get; private set; }

    /// <summary>
    /// Reads a policy file's content: XML when it starts (after a byte order mark and whitespace) with '&lt;' or is UTF-16
    /// with a byte order mark, otherwise a compiled policy.
    /// </summary>
    /// <exception cref="SiPolicyFormatException">The content is not a policy.</exception>
    public static SiPolicyFile Read(byte[] content, string path, bool validate)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        SiPolicyFile file;
        if (IsXml(content))
        {
            if (content.Length > SiPolicyBinaryReader.MaxInputBytes)
            {
                throw SiPolicyFormatException.AtLine("the document is larger than 64 MiB", 0, 0);
            }

            using var stream = new MemoryStream(content, writable: false);
            file = new SiPolicyFile(path, SiPolicyFileFormat.Xml, SiPolicyXml.Load(stream), content.Length, null);
        }
        else
        {
            var compiled = SiPolicyBinaryReader.Read(content);
            file = new SiPolicyFile(path, SiPolicyFileFormat.Binary, compiled.Policy, content.Length, compiled);
        }

        if (validate)
        {
            file.ValidationIssues = SiPolicyValidator.Validate(file.Policy);
        }

        return file;
    }

    /// <summary>Whether the content looks like XML rather than a compiled policy (which starts with 1 to 8 or a DER SEQUENCE).</summary>
    public static bool IsXml(byte[] content)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            return true;
        }

        var i = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        while (i < content.Length && content[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < content.Length && content[i] == (byte)'<';
    }

    /// <inheritdoc />
    public override string ToString() => new StringBuilder().Append(Name ?? PolicyId ?? Path).Append(' ').Append(Version).ToString();
}
