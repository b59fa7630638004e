using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Host;
using AzureLocalSecurity.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace AzureLocalSecurity.Tests.HostTests;

public class AlsecTests
{
    [Fact]
    public void Get_Command_lists_the_module_cmdlets()
    {
        var (code, output, error) = Run("-Command", "Get-Command -Module AzureLocalSecurity");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Get-ALSystemInfo", output);
        Assert.Contains("Test-ALPlatform", output);
    }

    [Fact]
    public void Text_output_uses_the_module_format_view_with_status_marks()
    {
        using var dir = BundleDir(firmwareType: 1);

        var (code, output, _) = Run("-Command", $"Test-ALPlatform -EvidencePath '{dir.Combine("n.zip")}'");

        Assert.Equal(0, code);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("Status", StringComparison.Ordinal) && l.Contains("Severity", StringComparison.Ordinal) && l.Contains("Title", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("x NonCompliant", StringComparison.Ordinal) && l.Contains("ALSEC-PLAT-001", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("+ Compliant", StringComparison.Ordinal) && l.Contains("ALSEC-PLAT-002", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_one_array_with_enum_names()
    {
        using var dir = BundleDir(firmwareType: 2);

        var (code, output, _) = Run("-OutputFormat", "Json", "-Command", $"Test-ALPlatform -EvidencePath '{dir.Combine("n.zip")}'; Get-ALSystemInfo -EvidencePath '{dir.Combine("n.zip")}'");

        Assert.Equal(0, code);
        var array = JArray.Parse(output);
        Assert.Equal(3, array.Count);
        Assert.Equal("Compliant", (string?)array[0]["Status"]);
        Assert.Equal("High", (string?)array[0]["Severity"]);
        Assert.Equal("Uefi", (string?)array[2]["FirmwareType"]);
        Assert.Equal("Windows", (string?)array[2]["Platform"]);
        Assert.Equal("23H2", (string?)array[2]["AzureLocalRelease"]);
    }

    [Fact]
    public void Non_terminating_errors_go_to_stderr_and_the_exit_code_stays_zero()
    {
        var (code, output, error) = Run("-Command", "Import-ALSecurityEvidence -Path /nonexistent/bundle.zip; 'after'");

        Assert.Equal(0, code);
        Assert.Contains("after", output);
        Assert.Contains("EvidenceBundleNotFound", error);
        Assert.DoesNotContain("EvidenceBundleNotFound", output);
    }

    [Fact]
    public void A_terminating_error_exits_with_one()
    {
        var (code, _, error) = Run("-Command", "throw 'stop here'");

        Assert.Equal(1, code);
        Assert.Contains("stop here", error);
    }

    [Fact]
    public void A_script_file_runs_with_its_arguments_and_its_exit_code()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("s.ps1"), "param([string]$Name, [switch]$Loud)\n\"hello $Name $Loud\"\nexit 3\n");

        var (code, output, _) = Run("-File", dir.Combine("s.ps1"), "-Name", "node01", "-Loud");

        Assert.Equal(3, code);
        Assert.Contains("hello node01 True", output);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_usage()
    {
        Assert.Throws<ArgumentException>(() => HostOptions.Parse(["-OutputFormat", "Xml", "-Command", "x"]));
        Assert.Throws<ArgumentException>(() => HostOptions.Parse([]));
        Assert.Throws<ArgumentException>(() => HostOptions.Parse(["-Command", "a", "-File", "b"]));
    }

    [Fact]
    public void Confirmation_prompts_fail_with_advice_instead_of_waiting()
    {
        using var dir = new TempDir();

        var (code, _, error) = Run("-Command", $"Export-ALSecurityEvidence -Path '{dir.Combine("x.zip")}' -Confirm");

        Assert.Equal(1, code);
        Assert.Contains("not interactive", error);
        Assert.False(File.Exists(dir.Combine("x.zip")));
    }

    private static TempDir BundleDir(long firmwareType)
    {
        var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.Windows(firmwareType: firmwareType), dir.Combine("n.zip"), overwrite: false);
        return dir;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var options = HostOptions.Parse([.. args, "-ModulePath", Repo.Manifest]);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new Runner(output, error).Run(options, 200);
        return (code, output.ToString(), error.ToString());
    }
}
