using System;
using System.Collections.Generic;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Identity;

/// <summary>
/// The identity checks a node's evidence can only point at. Multifactor authentication for Azure Local's management actions is
/// enforced by Microsoft Entra ID (Conditional Access policies, and the mandatory MFA Azure enforces for the Azure portal, CLI and
/// PowerShell) when an administrator signs in to Azure and Azure Arc, not by anything on the node; no node fact proves or
/// disproves it. So its check is always Unknown, says why, and says where to look. It is never reported compliant. Pure.
/// </summary>
public static class IdentityChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "Identity";

    /// <summary>Multifactor authentication for every management action.</summary>
    public const string MfaId = "ALSEC-MFA-001";

    /// <summary>Why <see cref="MfaId"/> is Unknown.</summary>
    public const string MfaReason = "MFA is enforced by Microsoft Entra Conditional Access for Azure and Arc management, not on the node, so the node's evidence cannot show it.";

    private static readonly string[] References =
    [
        "https://learn.microsoft.com/entra/identity/conditional-access/overview",
        "https://learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication",
        "https://learn.microsoft.com/entra/identity/monitoring-health/concept-sign-ins",
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
    ];

    /// <summary>Runs the identity checks on <paramref name="bundle"/>: the MFA finding, always Unknown.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        return
        [
            new SecurityCheckResult(
                MfaId,
                "Every management action requires multifactor authentication",
                Area,
                CheckStatus.Unknown,
                Severity.High,
                "a Conditional Access policy requiring MFA for the users and roles that manage the Azure Local instance (Azure portal, Azure CLI and PowerShell, Windows Admin Center in Azure)",
                null,
                null,
                MfaReason,
                "Check in Microsoft Entra admin center: Protection > Conditional Access > Policies (a policy that requires multifactor authentication for the administrators of the Azure Local resource group and for 'Windows Azure Service Management API'), and Monitoring > Sign-in logs filtered on those users, where the 'Authentication requirement' column shows multifactor authentication.",
                References,
                bundle.NodeName),
        ];
    }
}
