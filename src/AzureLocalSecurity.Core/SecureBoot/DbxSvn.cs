using System;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>A Windows boot application SVN that Microsoft's latest dbx carries, as dbx_info_msft_latest.json describes it.</summary>
public sealed class DbxSvn
{
    internal DbxSvn(string value, WindowsSvnData svn, string declaredVersion, string fileName, string description, DateTime? dateOfLastChange)
    {
        Value = value;
        Svn = svn;
        DeclaredVersion = declaredVersion;
        FileName = fileName;
        Description = description;
        DateOfLastChange = dateOfLastChange;
    }

    /// <summary>The 32-byte record dbx holds, upper-case hex.</summary>
    public string Value { get; }

    /// <summary>The record decoded: application and version.</summary>
    public WindowsSvnData Svn { get; }

    /// <summary>The version as the file writes it beside the record, such as "9.0".</summary>
    public string DeclaredVersion { get; }

    /// <summary>The application's file name, such as bootmgfw.efi.</summary>
    public string FileName { get; }

    /// <summary>Why the SVN was raised, such as "Windows Bootmgr SVN CVE-2023-24932".</summary>
    public string Description { get; }

    /// <summary>When the record last changed, or null.</summary>
    public DateTime? DateOfLastChange { get; }

    /// <inheritdoc />
    public override string ToString() => Svn + ": " + Description;
}
