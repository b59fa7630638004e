using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Xml;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Reads policy XML with an <see cref="XmlReader"/> (no DTD, no resolver, bounded in characters) into a
/// <see cref="SiPolicy"/>. Children may come in any order (Microsoft's own files differ: EmptyWDAC.xml puts PolicyID last,
/// the driver block list PolicyTypeID); an element or attribute in no namespace or the sipolicy namespace that the schema
/// does not have is refused rather than dropped, so nothing read is silently lost. Attributes of other namespaces
/// (xmlns, xsi) are passed over. Comments and processing instructions are ignored.
/// </summary>
internal sealed class SiPolicyXmlReader
{
    private readonly XmlReader _reader;

    private SiPolicyXmlReader(XmlReader reader) => _reader = reader;

    internal static SiPolicy Read(XmlReader reader) => new SiPolicyXmlReader(reader).ReadDocument();

    private SiPolicy ReadDocument()
    {
        var policy = new SiPolicy();
        _ = _reader.MoveToContent();
        if (_reader.NodeType != XmlNodeType.Element)
        {
            throw Fail("the document has no root element");
        }

        ExpectName("SiPolicy");
        ReadAttributes((name, value) =>
        {
            switch (name)
            {
                case "PolicyType":
                    policy.PolicyType = value switch
                    {
                        "Base Policy" => SiPolicyType.Base,
                        "Supplemental Policy" => SiPolicyType.Supplemental,
                        "AppID Tagging Policy" => SiPolicyType.AppIdTagging,
                        _ => throw Fail($"PolicyType '{value}' is not Base Policy, Supplemental Policy or AppID Tagging Policy"),
                    };
                    return true;
                case "FriendlyName":
                    policy.FriendlyName = value;
                    return true;
                default:
                    return false;
            }
        });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        ForEachChild(() =>
        {
            var name = _reader.LocalName;
            if (!seen.Add(name))
            {
                throw Fail($"SiPolicy has more than one {name}");
            }

            switch (name)
            {
                case "VersionEx":
                    policy.VersionEx = ReadText();
                    break;
                case "PolicyID":
                    policy.PolicyId = ReadText();
                    break;
                case "BasePolicyID":
                    policy.BasePolicyId = ReadText();
                    break;
                case "PlatformID":
                    policy.PlatformId = ReadText();
                    break;
                case "PolicyTypeID":
                    policy.PolicyTypeId = ReadText();
                    break;
                case "Rules":
                    ForEachChild("Rule", () => ForEachChild("Option", () => policy.Rules.Add(ReadText())));
                    break;
                case "EKUs":
                    ForEachChild("EKU", () => policy.Ekus.Add(ReadEku()));
                    break;
                case "FileRules":
                    ForEachChild(() => policy.FileRules.Add(ReadFileRule()));
                    break;
                case "Signers":
                    ForEachChild("Signer", () => policy.Signers.Add(ReadSigner()));
                    break;
                case "SigningScenarios":
                    ForEachChild("SigningScenario", () => policy.SigningScenarios.Add(ReadScenario()));
                    break;
                case "UpdatePolicySigners":
                    ReadSignerIds("UpdatePolicySigner", policy.UpdatePolicySigners);
                    break;
                case "CiSigners":
                    ReadSignerIds("CiSigner", policy.CiSigners);
                    break;
                case "SupplementalPolicySigners":
                    ReadSignerIds("SupplementalPolicySigner", policy.SupplementalPolicySigners);
                    break;
                case "HvciOptions":
                    policy.HvciOptions = ParseUInt32(ReadText(), "HvciOptions");
                    break;
                case "Settings":
                    ForEachChild("Setting", () => policy.Settings.Add(ReadSetting()));
                    break;
                case "Macros":
                    ForEachChild("Macro", () => policy.Macros.Add(ReadMacro()));
                    break;
                case "AppSettings":
                    ForEachChild("App", () => policy.AppSettings.Add(ReadApp()));
                    break;
                default:
                    throw Fail($"SiPolicy has no element {name} in the schema");
            }
        });

        // Only comments and whitespace may follow the root; the reader refuses anything else.
        while (_reader.Read())
        {
        }

        return policy;
    }

    private SiPolicyEku ReadEku()
    {
        var eku = new SiPolicyEku();
        ReadAttributes((name, value) =>
        {
            switch (name)
            {
                case "ID": eku.Id = value; return true;
                case "FriendlyName": eku.FriendlyName = value; return true;
                case "Value": eku.Value = value; return true;
                default: return false;
            }
        });
        ExpectNoChildren();
        return eku;
    }

    private SiPolicyFileRule ReadFileRule()
    {
        var rule = new SiPolicyFileRule
        {
            Kind = _reader.LocalName switch
            {
                "Allow" => SiPolicyFileRuleKind.Allow,
                "Deny" => SiPolicyFileRuleKind.Deny,
                "FileAttrib" => SiPolicyFileRuleKind.FileAttrib,
                "FileRule" => SiPolicyFileRuleKind.FileRule,
                _ => throw Fail($"FileRules has no element {_reader.LocalName} in the schema (Allow, Deny, FileAttrib, FileRule)"),
            },
        };
        ReadAttributes((name, value) =>
        {
            switch (name)
            {
                case "ID": rule.Id = value; return true;
                case "FriendlyName": rule.FriendlyName = value; return true;
                case "FileName": rule.FileName = value; return true;
                case "InternalName": rule.InternalName = value; return true;
                case "FileDescription": rule.FileDescription = value; return true;
                case "ProductName": rule.ProductName = value; return true;
                case "PackageFamilyName": rule.PackageFamilyName = value; return true;
                case "PackageVersion": rule.PackageVersion = value; return true;
                case "MinimumFileVersion": rule.MinimumFileVersion = value; return true;
                case "MaximumFileVersion": rule.MaximumFileVersion = value; return true;
                case "Hash": rule.Hash = value; return true;
                case "AppIDs": rule.AppIds = value; return true;
                case "FilePath": rule.FilePath = value; return true;
                case "Type" when rule.Kind == SiPolicyFileRuleKind.FileRule: rule.RuleType = value; return true;
                default: return false;
            }
        });
        ExpectNoChildren();
        return rule;
    }

    private SiPolicySigner ReadSigner()
    {
        var signer = new SiPolicySigner();
        ReadAttributes((name, value) =>
        {
            switch (name)
            {
                case "ID": signer.Id = value; return true;
                case "Name": signer.Name = value; return true;
                case "SignTimeAfter": signer.SignTimeAfter = value; return true;
                default: return false;
            }
        });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        ForEachChild(() =>
        {
            var element = _reader.LocalName;
            if (element is "CertRoot" or "CertIssuer" or "CertPublisher" or "CertOemID" && !seen.Add(element))
            {
                throw Fail($"a Signer has more than one {element}");
            }

            switch (element)
            {
                case "CertRoot":
                    ReadAttributes((name, value) =>
                    {
                        switch (name)
                        {
                            case "Type":
                                signer.CertRootType = value switch
                                {
                                    "TBS" => SiPolicyCertRootType.Tbs,
                                    "Wellknown" => SiPolicyCertRootType.WellKnown,
                                    _ => throw Fail($"CertRoot Type '{value}' is not TBS or Wellknown"),
                                };
                                return true;
                            case "Value":
                                signer.CertRootValue = value;
                                return true;
                            default:
                                return false;
                        }
                    });
                    ExpectNoChildren();
                    break;
                case "CertEKU":
                    signer.CertEkus.Add(ReadOneAttribute("ID"));
                    break;
                case "CertIssuer":
                    signer.CertIssuer = ReadOneAttribute("Value");
                    break;
                case "CertPublisher":
                    signer.CertPublisher = ReadOneAttribute("Value");
                    break;
                case "CertOemID":
                    signer.CertOemId = ReadOneAttribute("Value");
                    break;
                case "FileAttribRef":
                    signer.FileAttribRefs.Add(ReadOneAttribute("RuleID"));
                    break;
                default:
                    throw Fail($"Signer has no element {element} in the schema");
            }
        });
        return signer;
    }

    private SiPolicySigningScenario ReadScenario()
    {
        var scenario = new SiPolicySigningScenario();
        var hasValue = false;
        ReadAttributes((name, value) =>
        {
            switch (name)
            {
                case "Value":
                    scenario.Value = byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                        ? v
                        : throw Fail($"SigningScenario Value '{value}' is not a number from 0 to 255");
                    hasValue = true;
                    return true;
                case "ID": scenario.Id = value; return true;
                case "FriendlyName": scenario.FriendlyName = value; return true;
                case "InheritedScenarios": scenario.InheritedScenarios = value; return true;
                case "MinimumHashAlgorithm":
                    scenario.MinimumHashAlgorithm = ushort.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                        ? h
                        : throw Fail($"MinimumHashAlgorithm '{value}' is not a number from 0 to 65535");
                    return true;
                default: return false;
            }
        });
        if (!hasValue)
        {
            throw Fail("a SigningScenario has no Value");
        }

        ForEachChild(() =>
        {
            switch (_reader.LocalName)
            {
                case "ProductSigners" when scenario.ProductSigners is null:
                    scenario.ProductSigners = ReadSignerGroup();
                    break;
                case "TestSigners" when scenario.TestSigners is null:
                    scenario.TestSigners = ReadSignerGroup();
                    break;
                case "TestSigningSigners" when scenario.TestSigningSigners is null:
                    scenario.TestSigningSigners = ReadSignerGroup();
                    break;
                case "AppIDTags" when scenario.AppIdTags is null:
                    scenario.AppIdTags = ReadAppIdTags();
                    break;
                case "ProductSigners" or "TestSigners" or "TestSigningSigners" or "AppIDTags":
                    throw Fail($"a SigningScenario has more than one {_reader.LocalName}");
                default:
                    throw Fail($"SigningScenario has no element {_reader.LocalName} in the schema");
            }
        });
        return scenario;
    }

    private SiPolicySignerGroup ReadSignerGroup()
    {
        var group = new SiPolicySignerGroup();
        ExpectNoAttributes();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ForEachChild(() =>
        {
            var element = _reader.LocalName;
            if (!seen.Add(element))
            {
                throw Fail($"a signer group has more than one {element}");
            }

            switch (element)
            {
                case "AllowedSigners":
                    group.AllowedSignersWorkaround = ReadWorkaround();
                    ForEachChild("AllowedSigner", () => group.AllowedSigners.Add(ReadScenarioSigner("ExceptDenyRule", "DenyRuleID")));
                    break;
                case "DeniedSigners":
                    group.DeniedSignersWorkaround = ReadWorkaround();
                    ForEachChild("DeniedSigner", () => group.DeniedSigners.Add(ReadScenarioSigner("ExceptAllowRule", "AllowRuleID")));
                    break;
                case "FileRulesRef":
                    group.FileRulesRefWorkaround = ReadWorkaround();
                    ForEachChild("FileRuleRef", () => group.FileRuleRefs.Add(ReadOneAttribute("RuleID")));
                    break;
                default:
                    throw Fail($"a signer group has no element {element} in the schema");
            }
        });
        return group;
    }

    private string? ReadWorkaround()
    {
        string? workaround = null;
        ReadAttributes((name, value) =>
        {
            if (name != "Workaround")
            {
                return false;
            }

            workaround = value;
            return true;
        });
        return workaround;
    }

    private SiPolicyScenarioSigner ReadScenarioSigner(string exceptionElement, string exceptionAttribute)
    {
        var signer = new SiPolicyScenarioSigner();
        ReadAttributes((name, value) =>
        {
            if (name != "SignerId")
            {
                return false;
            }

            signer.SignerId = value;
            return true;
        });
        ForEachChild(exceptionElement, () => signer.Exceptions.Add(ReadOneAttribute(exceptionAttribute)));
        return signer;
    }

    private SiPolicyAppIdTags ReadAppIdTags()
    {
        var tags = new SiPolicyAppIdTags();
        ReadAttributes((name, value) =>
        {
            if (name != "EnforceDLL")
            {
                return false;
            }

            tags.EnforceDll = ParseBoolean(value, "EnforceDLL");
            return true;
        });
        ForEachChild("AppIDTag", () =>
        {
            var tag = new SiPolicyAppIdTag();
            ReadAttributes((name, value) =>
            {
                switch (name)
                {
                    case "Key": tag.Key = value; return true;
                    case "Value": tag.Value = value; return true;
                    default: return false;
                }
            });
            ExpectNoChildren();
            tags.Tags.Add(tag);
        });
        return tags;
    }

    private void ReadSignerIds(string element, IList<string> ids)
    {
        ExpectNoAttributes();
        ForEachChild(element, () => ids.Add(ReadOneAttribute("SignerId")));
    }

    private SiPolicySetting ReadSetting()
    {
        var setting = new SiPolicySetting();
        ReadAttributes((name, value) =>
        {
            switch (name)
            {
                case "Provider": setting.Provider = value; return true;
                case "Key": setting.Key = value; return true;
                case "ValueName": setting.ValueName = value; return true;
                default: return false;
            }
        });

        var hasValue = false;
        ForEachChild("Value", () =>
        {
            if (hasValue)
            {
                throw Fail("a Setting has more than one Value");
            }

            hasValue = true;
            ExpectNoAttributes();
            var typed = false;
            ForEachChild(() =>
            {
                if (typed)
                {
                    throw Fail("a setting Value holds more than one value");
                }

                typed = true;
                var element = _reader.LocalName;
                switch (element)
                {
                    case "Boolean":
                        setting.Kind = SiPolicySettingKind.Boolean;
                        setting.Value = ParseBoolean(ReadText(), "Boolean");
                        break;
                    case "DWord":
                        setting.Kind = SiPolicySettingKind.DWord;
                        setting.Value = ParseUInt32(ReadText(), "DWord");
                        break;
                    case "Binary":
                        setting.Kind = SiPolicySettingKind.Binary;
                        setting.Value = ReadText();
                        break;
                    case "String":
                        setting.Kind = SiPolicySettingKind.String;
                        setting.Value = ReadText(trim: false);
                        break;
                    default:
                        throw Fail($"a setting Value has no element {element} in the schema (Boolean, DWord, Binary, String)");
                }
            });
            if (!typed)
            {
                throw Fail("a setting Value is empty");
            }
        });
        if (!hasValue)
        {
            throw Fail("a Setting has no Value");
        }

        return setting;
    }

    private SiPolicyMacro ReadMacro()
    {
        var macro = new SiPolicyMacro();
        ReadAttributes((name, value) =>
        {
            switch (name)
            {
                case "Id": macro.Id = value; return true;
                case "Value": macro.Value = value; return true;
                default: return false;
            }
        });
        ExpectNoChildren();
        return macro;
    }

    private SiPolicyApp ReadApp()
    {
        var app = new SiPolicyApp();
        ReadAttributes((name, value) =>
        {
            if (name != "Manifest")
            {
                return false;
            }

            app.Manifest = value;
            return true;
        });
        ForEachChild("Setting", () =>
        {
            var setting = new SiPolicyAppSetting();
            ReadAttributes((name, value) =>
            {
                if (name != "Name")
                {
                    return false;
                }

                setting.Name = value;
                return true;
            });
            ForEachChild("Value", () => setting.Values.Add(ReadText(trim: false)));
            app.Settings.Add(setting);
        });
        return app;
    }

    /// <summary>Reads the only attribute an element has (a reference such as SignerId) and consumes the empty element.</summary>
    private string ReadOneAttribute(string attribute)
    {
        string? found = null;
        ReadAttributes((name, value) =>
        {
            if (name != attribute)
            {
                return false;
            }

            found = value;
            return true;
        });
        if (found is null)
        {
            throw Fail($"{_reader.LocalName} has no {attribute}");
        }

        ExpectNoChildren();
        return found;
    }

    /// <summary>
    /// Hands each attribute of the current element in no namespace to <paramref name="take"/>, which says whether the schema
    /// has it; attributes of other namespaces (xmlns declarations, xsi) are passed over. Leaves the reader on the element.
    /// </summary>
    private void ReadAttributes(Func<string, string, bool> take)
    {
        var element = _reader.LocalName;
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                if (_reader.NamespaceURI.Length == 0 && !take(_reader.LocalName, _reader.Value))
                {
                    throw Fail($"{element} has no attribute {_reader.LocalName} in the schema");
                }
            }
            while (_reader.MoveToNextAttribute());

            _ = _reader.MoveToElement();
        }
    }

    private void ExpectNoAttributes() => ReadAttributes((_, _) => false);

    private void ExpectName(string name)
    {
        if (_reader.LocalName != name || _reader.NamespaceURI != SiPolicyXml.Namespace)
        {
            throw Fail($"the element {{{_reader.NamespaceURI}}}{_reader.LocalName} is not {{{SiPolicyXml.Namespace}}}{name}");
        }
    }

    /// <summary>Calls <paramref name="handle"/> on each child element of the current one (which must consume it), refusing
    /// text between them; consumes the current element.</summary>
    private void ForEachChild(Action handle)
    {
        if (_reader.IsEmptyElement)
        {
            _ = _reader.Read();
            return;
        }

        var parent = _reader.LocalName;
        var depth = _reader.Depth;
        _ = _reader.Read();
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    _ = _reader.Read();
                    return;
                case XmlNodeType.Element:
                    if (_reader.NamespaceURI != SiPolicyXml.Namespace)
                    {
                        throw Fail($"{parent} holds an element of namespace '{_reader.NamespaceURI}', not {SiPolicyXml.Namespace}");
                    }

                    handle();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    throw Fail($"{parent} holds text where only elements belong");
                case XmlNodeType.None:
                    throw Fail($"the document ends inside {parent}");
                default:
                    _ = _reader.Read();
                    break;
            }
        }
    }

    /// <summary>The same for a container whose children are all <paramref name="child"/> elements.</summary>
    private void ForEachChild(string child, Action handle)
    {
        var parent = _reader.LocalName;
        ForEachChild(() =>
        {
            if (_reader.LocalName != child)
            {
                throw Fail($"{parent} holds {_reader.LocalName}, not {child}");
            }

            handle();
        });
    }

    private void ExpectNoChildren()
    {
        var element = _reader.LocalName;
        ForEachChild(() => throw Fail($"{element} holds an element {_reader.LocalName}, which the schema does not have"));
    }

    /// <summary>The text of a simple element (no attributes, no children), trimmed unless <paramref name="trim"/> is false;
    /// consumes the element.</summary>
    private string ReadText(bool trim = true)
    {
        ExpectNoAttributes();
        var element = _reader.LocalName;
        if (_reader.IsEmptyElement)
        {
            _ = _reader.Read();
            return string.Empty;
        }

        var depth = _reader.Depth;
        var text = new StringBuilder();
        _ = _reader.Read();
        while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    _ = text.Append(_reader.Value);
                    break;
                case XmlNodeType.Element:
                    throw Fail($"{element} holds an element {_reader.LocalName}; it holds text only");
                case XmlNodeType.None:
                    throw Fail($"the document ends inside {element}");
            }

            _ = _reader.Read();
        }

        _ = _reader.Read();
        return trim ? text.ToString().Trim() : text.ToString();
    }

    private uint ParseUInt32(string text, string what) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail($"{what} '{text}' is not a number from 0 to 4294967295");

    private bool ParseBoolean(string text, string what) => text switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Fail($"{what} '{text}' is not true, false, 1 or 0"),
    };

    private SiPolicyFormatException Fail(string problem) => _reader is IXmlLineInfo info && info.HasLineInfo()
        ? SiPolicyFormatException.AtLine(problem, info.LineNumber, info.LinePosition)
        : SiPolicyFormatException.AtLine(problem, 0, 0);
}
