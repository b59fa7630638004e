using AzureLocalSecurity.Defender;
using Xunit;

namespace AzureLocalSecurity.Tests.Defender;

public sealed class DefenderExclusionRulesTests
{
    [Theory]
    [InlineData(@"C:\", "a whole drive")]
    [InlineData(@"D:", "a whole drive")]
    [InlineData(@"c:\*", "a whole drive")]
    [InlineData(@"*:\", "a whole drive")]
    [InlineData("*", "excludes every file")]
    [InlineData(@"C:\*\bin", "a wildcard at the top of the drive, which covers most of it")]
    [InlineData("%TEMP%", "a folder users can write to (a per-user or temporary folder)")]
    [InlineData(@"%LocalAppData%\Tools", "a folder users can write to (a per-user or temporary folder)")]
    [InlineData(@"C:\Users\admin\Downloads", "a folder users can write to")]
    [InlineData(@"C:\Windows\Temp\", "a folder users can write to")]
    [InlineData(@"C:\ProgramData", "all of ProgramData, where users can create folders; exclude the one product folder that needs it")]
    [InlineData(@"%ProgramData%\*", "all of ProgramData, where users can create folders; exclude the one product folder that needs it")]
    [InlineData(@"*\Temp", "a leading wildcard that matches anywhere on every drive")]
    public void Weak_paths_are_named_with_why(string path, string why) =>
        Assert.Equal(why, DefenderExclusionRules.Weakness(DefenderExclusionKind.Path, path));

    [Theory]
    [InlineData(@"C:\ClusterStorage")]
    [InlineData(@"C:\ClusterStorage\Volume1")]
    [InlineData(@"C:\ProgramData\Microsoft\Windows\Hyper-V\Snapshots")]
    [InlineData(@"%Public%\Documents\Hyper-V\Virtual Hard Disks")]
    [InlineData(@"%SystemRoot%\Cluster")]
    [InlineData(@"C:\ProgramData\Contoso\Agent")]
    [InlineData(@"E:\VMs\Disks")]
    public void Product_and_specific_folders_are_not_weak(string path) =>
        Assert.Null(DefenderExclusionRules.Weakness(DefenderExclusionKind.Path, path));

    [Theory]
    [InlineData(@"C:\ClusterStorage", DefenderExclusionRules.HyperVExclusionsPage)]
    [InlineData(@"C:\Windows\Cluster", DefenderExclusionRules.ClusterExclusionsPage)]
    [InlineData(@"C:\ProgramData\Contoso", null)]
    public void Documented_product_folders_name_their_source(string path, string? source) =>
        Assert.Equal(source, DefenderExclusionRules.ProductSource(DefenderExclusionKind.Path, path));

    [Theory]
    [InlineData(".exe", "a file type that runs code (.exe), anywhere on the machine")]
    [InlineData("DLL", "a file type that runs code (.dll), anywhere on the machine")]
    [InlineData("*.ps1", "a file type that runs code (.ps1), anywhere on the machine")]
    [InlineData("*", "excludes files of every extension")]
    [InlineData(".vhdx", null)]
    [InlineData(".log", null)]
    public void Extensions_that_run_code_are_weak(string extension, string? why) =>
        Assert.Equal(why, DefenderExclusionRules.Weakness(DefenderExclusionKind.Extension, extension));

    [Theory]
    [InlineData("powershell.exe", "powershell.exe runs any script or code it is given, so everything it opens goes unscanned")]
    [InlineData(@"C:\Windows\System32\cmd.exe", "cmd.exe runs any script or code it is given, so everything it opens goes unscanned")]
    [InlineData("*", "a wildcard that matches any process")]
    [InlineData(@"C:\Users\admin\AppData\Local\Temp\tool.exe", "a program in a folder users can write to")]
    [InlineData("vmms.exe", null)]
    [InlineData(@"%SystemRoot%\System32\vmwp.exe", null)]
    [InlineData(@"C:\Program Files\Contoso\agent.exe", null)]
    public void Processes_that_run_anything_or_live_where_users_write_are_weak(string process, string? why) =>
        Assert.Equal(why, DefenderExclusionRules.Weakness(DefenderExclusionKind.Process, process));

    [Theory]
    [InlineData("N/A: Must be an administrator to view exclusions", true)]
    [InlineData(@"C:\N/A", false)]
    [InlineData(null, false)]
    public void The_placeholder_for_hidden_exclusions_is_recognized(string? text, bool hidden) =>
        Assert.Equal(hidden, DefenderExclusionRules.IsHiddenPlaceholder(text));
}
