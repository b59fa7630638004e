using System.IO;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.AppControl.Live;

/// <summary>The files of Vectors/appcontrol (see its PROVENANCE.md).</summary>
internal static class AppControlVectors
{
    internal const string DriverBlockListLab = "snajd-appcontrol_module2-lab1_citool-lp_DriverBlockList.txt";
    internal const string AuditPolicyLab = "snajd-appcontrol_module3-lab5_citool-lp_AuditPolicy.txt";
    internal const string DriverPolicyDocSample = "windows-itpro-docs_citool-commands_lp_DriverPolicy_docsample.txt";
    internal const string PolicyInfoDocSample = "azure-stack-docs_Get-ASLocalWDACPolicyInfo_docsample.txt";
    internal const string CompiledPolicy = "test.bin";

    internal static string Folder => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "appcontrol");

    internal static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    internal static byte[] ReadBytes(string file) => File.ReadAllBytes(Path.Combine(Folder, file));
}
