using System.IO;
using AzureLocalSecurity.AppControl.Policy;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

/// <summary>Microsoft's App Control templates and a compiled policy (Vectors/wdac/PROVENANCE.md).</summary>
internal static class WdacVectors
{
    internal const string AllowMicrosoft = "AllowMicrosoft.xml";
    internal const string DefaultWindowsAudit = "DefaultWindows_Audit.xml";
    internal const string EmptyBase = "EmptyWDAC.xml";
    internal const string EmptySupplemental = "Empty_Supplemental.xml";
    internal const string DriverBlocklist = "Recommended_Driver_Blocklist.xml";
    internal const string TestBin = "test.bin";

    internal static readonly string[] Templates = [AllowMicrosoft, DefaultWindowsAudit, EmptyBase, EmptySupplemental, DriverBlocklist];

    internal static string Folder => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "wdac");

    internal static string PathOf(string name) => Path.Combine(Folder, name);

    internal static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    internal static SiPolicy Load(string name) => SiPolicyXml.Load(PathOf(name));
}
