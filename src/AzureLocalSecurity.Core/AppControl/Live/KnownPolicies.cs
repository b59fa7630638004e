using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// The policies Microsoft provides that the module recognizes by id: Azure Local's base policy (Azure Local's "Manage
/// Application Control" page: AS_Base_Policy, named MS_Base_Policy in the 22H2 documentation) and the inbox policies of
/// Microsoft's "Inbox App Control policies" page, with whether each is a base or a supplemental policy.
/// </summary>
internal static class KnownPolicies
{
    /// <summary>Azure Local's base policy.</summary>
    internal static readonly Guid AzureLocalBase = new("A6368F66-E2C9-4AA2-AB79-8743F6597683");

    /// <summary>The Microsoft Windows Driver Policy (the vulnerable driver block list).</summary>
    internal static readonly Guid DriverPolicy = new("d2bda982-ccf6-4344-ac5b-0b44427b6816");

    private static readonly Dictionary<Guid, (string Name, string Label, bool IsBase)> Table = new()
    {
        [AzureLocalBase] = ("AS_Base_Policy", "Azure Local base policy (AS_Base_Policy)", true),
        [DriverPolicy] = ("Microsoft Windows Driver Policy", "Windows inbox: vulnerable driver block list", true),
        [new Guid("5951a96a-e0b5-4d3d-8fb8-3e5b61030784")] = ("Windows10S_Lockdown_Policy_Supplementable", "Windows inbox: Windows in S mode", true),
        [new Guid("82443e1e-8a39-4b4a-96a8-f40ddc00b9f3")] = ("WindowsE_Lockdown_Policy", "Windows inbox: Windows 11 SE", true),
        [new Guid("5dac656c-21ad-4a02-ab49-649917162e70")] = ("WindowsE_Lockdown_Flight_Policy_Supplemental", "Windows inbox: Windows 11 SE (Insider)", false),
        [new Guid("CDD5CB55-DB68-4D71-AA38-3DF2B6473A52")] = ("WindowsE_Lockdown_Test_Policy_Supplemental", "Windows inbox: Windows 11 SE (test signing)", false),
        [new Guid("0283ac0f-fff1-49ae-ada1-8a933130cad6")] = ("VerifiedAndReputableDesktop", "Windows inbox: Smart App Control", true),
        [new Guid("1678656c-05ef-481f-bc5b-ebd8c991502d")] = ("VerifiedAndReputableDesktopFlightSupplemental", "Windows inbox: Smart App Control (Insider)", false),
        [new Guid("0939ED82-BFD5-4D32-B58E-D31D3C49715A")] = ("VerifiedAndReputableDesktopTestSupplemental", "Windows inbox: Smart App Control (test signing)", false),
        [new Guid("1283ac0f-fff1-49ae-ada1-8a933130cad6")] = ("VerifiedAndReputableDesktopEvaluation", "Windows inbox: Smart App Control evaluation", true),
        [new Guid("2678656c-05ef-481f-bc5b-ebd8c991502d")] = ("VerifiedAndReputableDesktopEvaluationFlightSupplemental", "Windows inbox: Smart App Control evaluation (Insider)", false),
        [new Guid("1939ED82-BFD5-4D32-B58E-D31D3C49715A")] = ("VerifiedAndReputableDesktopEvaluationTestSupplemental", "Windows inbox: Smart App Control evaluation (test signing)", false),
    };

    /// <summary>What the module knows of the policy with this id, or null.</summary>
    internal static (string Name, string Label, bool IsBase)? Find(Guid? id) =>
        id is { } g && Table.TryGetValue(g, out var known) ? known : null;
}
