using System.Globalization;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>XPath-like paths to a policy's elements, for validation issues and compile errors:
/// <c>FileRules/Allow[@ID='ID_ALLOW_A_1']</c>, or by 1-based position among the container's children when there is no ID.</summary>
internal static class SiPolicyPaths
{
    internal static string ElementName(SiPolicyFileRuleKind kind) => kind switch
    {
        SiPolicyFileRuleKind.Allow => "Allow",
        SiPolicyFileRuleKind.Deny => "Deny",
        SiPolicyFileRuleKind.FileAttrib => "FileAttrib",
        SiPolicyFileRuleKind.FileRule => "FileRule",
        _ => kind.ToString(),
    };

    internal static string Eku(SiPolicyEku eku, int index) => "EKUs/" + Keyed("EKU", "ID", eku.Id, index);

    internal static string FileRule(SiPolicyFileRule rule, int index) => "FileRules/" + Keyed(ElementName(rule.Kind), "ID", rule.Id, index);

    internal static string Signer(SiPolicySigner signer, int index) => "Signers/" + Keyed("Signer", "ID", signer.Id, index);

    internal static string Scenario(SiPolicySigningScenario scenario, int index) => "SigningScenarios/" + Keyed("SigningScenario", "ID", scenario.Id, index);

    internal static string Rule(string option) => "Rules/Rule[Option='" + option + "']";

    internal static string Setting(SiPolicySetting setting, int index) => string.Format(
        CultureInfo.InvariantCulture, "Settings/Setting[{0}][@Provider='{1}'][@Key='{2}'][@ValueName='{3}']", index + 1, setting.Provider, setting.Key, setting.ValueName);

    /// <summary><c>element[@attribute='value']</c>, or <c>element[n]</c> (1-based) when the value is null.</summary>
    internal static string Keyed(string element, string attribute, string? value, int index) => value is null
        ? string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", element, index + 1)
        : string.Format(CultureInfo.InvariantCulture, "{0}[@{1}='{2}']", element, attribute, value);
}
