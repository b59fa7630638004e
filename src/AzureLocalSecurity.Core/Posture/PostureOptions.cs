using System;
using System.Collections.Generic;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Posture;

/// <summary>What a posture assessment covers and how: which areas, which framework, which baseline, as of when.</summary>
public sealed class PostureOptions
{
    /// <summary>The areas to assess; null or empty: every area.</summary>
    public IReadOnlyCollection<PostureArea>? Areas { get; set; }

    /// <summary>When set, only results mapped to a control of this framework are kept (in practice, baseline rules: the other checks carry no framework mapping).</summary>
    public ComplianceFramework? Framework { get; set; }

    /// <summary>The shipped baseline release to judge against (such as <c>2610</c>); null: the latest.</summary>
    public string? BaselineRelease { get; set; }

    /// <summary>The baseline profile; null: chosen from the node's domain membership, as Test-ALSecurityBaseline chooses it.</summary>
    public BaselineProfile? BaselineProfile { get; set; }

    /// <summary>The date certificates' expiry is judged against (the Secure Boot area); null: the time of the assessment (UTC), as Test-ALSecureBootCertificate does.</summary>
    public DateTime? AsOf { get; set; }

    /// <summary>The accounts (SIDs or names) that may hold standing administrative rights (the PrivilegedAccess area); null: the built-in Administrator and Domain Admins.</summary>
    public IReadOnlyCollection<string>? AllowedAdministrators { get; set; }

    /// <summary>Whether <paramref name="area"/> is assessed.</summary>
    public bool Includes(PostureArea area)
    {
        if (Areas is null || Areas.Count == 0)
        {
            return true;
        }

        foreach (var a in Areas)
        {
            if (a == area)
            {
                return true;
            }
        }

        return false;
    }
}
