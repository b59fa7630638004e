using System;
using System.IO;
using AzureLocalSecurity.MeasuredBoot.Security;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public sealed class GetALBootSecurityStateTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    [Fact]
    public void A_windows_log_gives_one_state_with_secure_boot_on()
    {
        using var dir = new TempDir();
        var path = dir.Combine("0000000004-0000000000.log");
        File.WriteAllBytes(path, EventLogVectors.WindowsLog());

        var (output, errors) = module.Run($"Get-ALBootSecurityState -Path {Quote(path)}");

        Assert.Empty(errors);
        var state = Assert.IsType<BootSecurityState>(Assert.Single(output).BaseObject);
        Assert.Equal(path, state.Source);
        Assert.True(state.SecureBootEnabled);
    }

    [Fact]
    public void Detailed_writes_each_fact_with_the_log_it_came_from()
    {
        var path = EventLogVectors.PathOf(EventLogVectors.GceUbuntu);

        var (output, errors) = module.Run($"Get-ALBootSecurityState -Path {Quote(path)} -Detailed");

        Assert.Empty(errors);
        Assert.Contains(output, o => o.BaseObject is BootSecurityFact { Name: "SecureBoot" });
        Assert.All(output, o => Assert.Equal(path, o.Properties["Path"].Value));
    }

    [Fact]
    public void A_file_that_is_not_a_log_is_an_error_and_the_next_file_is_still_read()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.Combine("a-bad.log"), [1, 2, 3]);
        File.Copy(EventLogVectors.PathOf(EventLogVectors.UefiVar), dir.Combine("b.log"));

        var (output, errors) = module.Run($"Get-ALBootSecurityState -Path {Quote(dir.Combine("*.log"))}");

        Assert.Equal("BootMeasurementLogInvalid,AzureLocalSecurity.Commands.GetALBootSecurityStateCommand", Assert.Single(errors).FullyQualifiedErrorId);
        Assert.Single(output);
    }
}
