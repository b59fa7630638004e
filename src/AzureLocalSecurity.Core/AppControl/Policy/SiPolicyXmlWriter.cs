using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Writes a <see cref="SiPolicy"/> as policy XML in the layout of Microsoft's tools (New-CIPolicy, the WDAC-Toolkit
/// templates): VersionEx, PolicyTypeID (the single-policy format only), PolicyID, BasePolicyID, PlatformID, Rules, EKUs,
/// FileRules, Signers, SigningScenarios, UpdatePolicySigners, CiSigners, HvciOptions, Settings, Macros,
/// SupplementalPolicySigners, AppSettings; attributes in the schema's order. Rules, EKUs, FileRules, Signers,
/// SigningScenarios, UpdatePolicySigners and CiSigners are written even when empty (as the templates do); the others only
/// when they hold something. An absent value (null) writes no attribute or element; an empty string writes an empty one.
/// </summary>
internal sealed class SiPolicyXmlWriter
{
    private readonly XmlWriter _writer;

    private SiPolicyXmlWriter(XmlWriter writer) => _writer = writer;

    internal static void Write(SiPolicy policy, XmlWriter writer) => new SiPolicyXmlWriter(writer).WritePolicy(policy);

    private void WritePolicy(SiPolicy policy)
    {
        _writer.WriteStartDocument();
        _writer.WriteStartElement("SiPolicy", SiPolicyXml.Namespace);

        // The declaration first, as Microsoft's files have it (the writer would otherwise put it after the attributes).
        _writer.WriteAttributeString("xmlns", SiPolicyXml.Namespace);
        Attribute("FriendlyName", policy.FriendlyName);
        Attribute("PolicyType", policy.PolicyType switch
        {
            SiPolicyType.Base => "Base Policy",
            SiPolicyType.Supplemental => "Supplemental Policy",
            SiPolicyType.AppIdTagging => "AppID Tagging Policy",
            _ => null,
        });

        Text("VersionEx", policy.VersionEx);
        Text("PolicyTypeID", policy.PolicyTypeId);
        Text("PolicyID", policy.PolicyId);
        Text("BasePolicyID", policy.BasePolicyId);
        Text("PlatformID", policy.PlatformId);

        Start("Rules");
        foreach (var rule in policy.Rules)
        {
            Start("Rule");
            Text("Option", rule);
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();

        Start("EKUs");
        foreach (var eku in policy.Ekus)
        {
            Start("EKU");
            Attribute("ID", eku.Id);
            Attribute("FriendlyName", eku.FriendlyName);
            Attribute("Value", eku.Value);
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();

        Start("FileRules");
        foreach (var rule in policy.FileRules)
        {
            WriteFileRule(rule);
        }

        _writer.WriteEndElement();

        Start("Signers");
        foreach (var signer in policy.Signers)
        {
            WriteSigner(signer);
        }

        _writer.WriteEndElement();

        Start("SigningScenarios");
        foreach (var scenario in policy.SigningScenarios)
        {
            WriteScenario(scenario);
        }

        _writer.WriteEndElement();

        SignerIds("UpdatePolicySigners", "UpdatePolicySigner", policy.UpdatePolicySigners, always: true);
        SignerIds("CiSigners", "CiSigner", policy.CiSigners, always: true);
        if (policy.HvciOptions is { } hvci)
        {
            Text("HvciOptions", hvci.ToString(CultureInfo.InvariantCulture));
        }

        if (policy.Settings.Count > 0)
        {
            Start("Settings");
            foreach (var setting in policy.Settings)
            {
                WriteSetting(setting);
            }

            _writer.WriteEndElement();
        }

        if (policy.Macros.Count > 0)
        {
            Start("Macros");
            foreach (var macro in policy.Macros)
            {
                Start("Macro");
                Attribute("Id", macro.Id);
                Attribute("Value", macro.Value);
                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        SignerIds("SupplementalPolicySigners", "SupplementalPolicySigner", policy.SupplementalPolicySigners, always: false);
        if (policy.AppSettings.Count > 0)
        {
            Start("AppSettings");
            foreach (var app in policy.AppSettings)
            {
                Start("App");
                Attribute("Manifest", app.Manifest);
                foreach (var setting in app.Settings)
                {
                    Start("Setting");
                    Attribute("Name", setting.Name);
                    foreach (var value in setting.Values)
                    {
                        Text("Value", value);
                    }

                    _writer.WriteEndElement();
                }

                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
        _writer.WriteEndDocument();
    }

    private void WriteFileRule(SiPolicyFileRule rule)
    {
        Start(rule.Kind switch
        {
            SiPolicyFileRuleKind.Allow => "Allow",
            SiPolicyFileRuleKind.Deny => "Deny",
            SiPolicyFileRuleKind.FileAttrib => "FileAttrib",
            SiPolicyFileRuleKind.FileRule => "FileRule",
            _ => throw new ArgumentException($"File rule {rule.Id} has the kind {rule.Kind}, which is not one the schema has.", nameof(rule)),
        });
        Attribute("ID", rule.Id);
        Attribute("FriendlyName", rule.FriendlyName);
        Attribute("FileName", rule.FileName);
        Attribute("InternalName", rule.InternalName);
        Attribute("FileDescription", rule.FileDescription);
        Attribute("ProductName", rule.ProductName);
        Attribute("PackageFamilyName", rule.PackageFamilyName);
        Attribute("PackageVersion", rule.PackageVersion);
        Attribute("MinimumFileVersion", rule.MinimumFileVersion);
        Attribute("MaximumFileVersion", rule.MaximumFileVersion);
        Attribute("Hash", rule.Hash);
        Attribute("AppIDs", rule.AppIds);
        Attribute("FilePath", rule.FilePath);
        if (rule.Kind == SiPolicyFileRuleKind.FileRule)
        {
            Attribute("Type", rule.RuleType);
        }

        _writer.WriteEndElement();
    }

    private void WriteSigner(SiPolicySigner signer)
    {
        Start("Signer");
        Attribute("ID", signer.Id);
        Attribute("Name", signer.Name);
        Attribute("SignTimeAfter", signer.SignTimeAfter);
        if (signer.CertRootType is not null || signer.CertRootValue is not null)
        {
            Start("CertRoot");
            Attribute("Type", signer.CertRootType switch
            {
                SiPolicyCertRootType.Tbs => "TBS",
                SiPolicyCertRootType.WellKnown => "Wellknown",
                _ => null,
            });
            Attribute("Value", signer.CertRootValue);
            _writer.WriteEndElement();
        }

        foreach (var eku in signer.CertEkus)
        {
            Empty("CertEKU", "ID", eku);
        }

        if (signer.CertIssuer is not null)
        {
            Empty("CertIssuer", "Value", signer.CertIssuer);
        }

        if (signer.CertPublisher is not null)
        {
            Empty("CertPublisher", "Value", signer.CertPublisher);
        }

        if (signer.CertOemId is not null)
        {
            Empty("CertOemID", "Value", signer.CertOemId);
        }

        foreach (var rule in signer.FileAttribRefs)
        {
            Empty("FileAttribRef", "RuleID", rule);
        }

        _writer.WriteEndElement();
    }

    private void WriteScenario(SiPolicySigningScenario scenario)
    {
        Start("SigningScenario");
        Attribute("Value", scenario.Value.ToString(CultureInfo.InvariantCulture));
        Attribute("ID", scenario.Id);
        Attribute("FriendlyName", scenario.FriendlyName);
        Attribute("InheritedScenarios", scenario.InheritedScenarios);
        Attribute("MinimumHashAlgorithm", scenario.MinimumHashAlgorithm?.ToString(CultureInfo.InvariantCulture));
        WriteGroup("ProductSigners", scenario.ProductSigners);
        WriteGroup("TestSigners", scenario.TestSigners);
        WriteGroup("TestSigningSigners", scenario.TestSigningSigners);
        if (scenario.AppIdTags is { } tags)
        {
            Start("AppIDTags");
            Attribute("EnforceDLL", tags.EnforceDll is { } enforce ? (enforce ? "true" : "false") : null);
            foreach (var tag in tags.Tags)
            {
                Start("AppIDTag");
                Attribute("Key", tag.Key);
                Attribute("Value", tag.Value);
                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
    }

    private void WriteGroup(string name, SiPolicySignerGroup? group)
    {
        if (group is null)
        {
            return;
        }

        Start(name);
        if (group.AllowedSigners.Count > 0 || group.AllowedSignersWorkaround is not null)
        {
            Start("AllowedSigners");
            Attribute("Workaround", group.AllowedSignersWorkaround);
            WriteScenarioSigners("AllowedSigner", "ExceptDenyRule", "DenyRuleID", group.AllowedSigners);
            _writer.WriteEndElement();
        }

        if (group.DeniedSigners.Count > 0 || group.DeniedSignersWorkaround is not null)
        {
            Start("DeniedSigners");
            Attribute("Workaround", group.DeniedSignersWorkaround);
            WriteScenarioSigners("DeniedSigner", "ExceptAllowRule", "AllowRuleID", group.DeniedSigners);
            _writer.WriteEndElement();
        }

        if (group.FileRuleRefs.Count > 0 || group.FileRulesRefWorkaround is not null)
        {
            Start("FileRulesRef");
            Attribute("Workaround", group.FileRulesRefWorkaround);
            foreach (var rule in group.FileRuleRefs)
            {
                Empty("FileRuleRef", "RuleID", rule);
            }

            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
    }

    private void WriteScenarioSigners(string element, string exceptionElement, string exceptionAttribute, IList<SiPolicyScenarioSigner> signers)
    {
        foreach (var signer in signers)
        {
            Start(element);
            Attribute("SignerId", signer.SignerId);
            foreach (var exception in signer.Exceptions)
            {
                Empty(exceptionElement, exceptionAttribute, exception);
            }

            _writer.WriteEndElement();
        }
    }

    private void WriteSetting(SiPolicySetting setting)
    {
        Start("Setting");
        Attribute("Provider", setting.Provider);
        Attribute("Key", setting.Key);
        Attribute("ValueName", setting.ValueName);
        Start("Value");
        var (element, text) = (setting.Kind, setting.Value) switch
        {
            (SiPolicySettingKind.Boolean, bool b) => ("Boolean", b ? "true" : "false"),
            (SiPolicySettingKind.DWord, uint u) => ("DWord", u.ToString(CultureInfo.InvariantCulture)),
            (SiPolicySettingKind.Binary, string hex) => ("Binary", hex),
            (SiPolicySettingKind.String, string s) => ("String", s),
            _ => throw new ArgumentException(
                $"Setting {setting.Provider}/{setting.Key}/{setting.ValueName} has a {setting.Value?.GetType().Name ?? "null"} value, which is not a {setting.Kind}.", nameof(setting)),
        };
        Text(element, text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void SignerIds(string container, string element, IList<string> ids, bool always)
    {
        if (ids.Count == 0 && !always)
        {
            return;
        }

        Start(container);
        foreach (var id in ids)
        {
            Empty(element, "SignerId", id);
        }

        _writer.WriteEndElement();
    }

    private void Start(string name) => _writer.WriteStartElement(name, SiPolicyXml.Namespace);

    private void Empty(string element, string attribute, string value)
    {
        Start(element);
        _writer.WriteAttributeString(attribute, value);
        _writer.WriteEndElement();
    }

    private void Text(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Start(name);
        _writer.WriteString(value);
        _writer.WriteEndElement();
    }

    private void Attribute(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteAttributeString(name, value);
        }
    }
}
