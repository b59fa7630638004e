using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Fleet;
using Xunit;

namespace AzureLocalSecurity.Tests.Fleet;

/// <summary>Which option reaches which Invoke-Command parameter, as data.</summary>
public sealed class InvokeCommandParametersTests
{
    private static readonly object Script = new();

    private static Dictionary<string, object> Build(FleetConnection connection, bool asJob = true) =>
        InvokeCommandParameters.Build(connection, Script, [null], asJob).ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void ComputerName_alone_gives_the_names_the_throttle_the_script_and_a_job_that_continues_on_errors()
    {
        var p = Build(new FleetConnection { ComputerNames = ["node01", "node02"] });

        Assert.Equal(["ComputerName", "ThrottleLimit", "ScriptBlock", "ArgumentList", "AsJob", "ErrorAction"], p.Keys);
        Assert.Equal(["node01", "node02"], (string[])p["ComputerName"]);
        Assert.Equal(32, p["ThrottleLimit"]);
        Assert.Same(Script, p["ScriptBlock"]);
        Assert.Equal([null], (object?[])p["ArgumentList"]);
        Assert.Equal((true, "Continue"), (p["AsJob"], p["ErrorAction"]));
    }

    [Fact]
    public void Without_a_job_the_call_stops_at_the_first_error()
    {
        var p = Build(new FleetConnection { ComputerNames = ["hci-cl01"] }, asJob: false);

        Assert.False(p.ContainsKey("AsJob"));
        Assert.Equal("Stop", p["ErrorAction"]);
    }

    [Fact]
    public void Credential_port_SSL_authentication_and_throttle_are_passed_as_given()
    {
        var credential = new object();

        var p = Build(new FleetConnection { ComputerNames = ["node01"], Credential = credential, Authentication = "Kerberos", Port = 5986, UseSsl = true, ThrottleLimit = 8 });

        Assert.Same(credential, p["Credential"]);
        Assert.Equal(("Kerberos", 5986, true, 8), (p["Authentication"], p["Port"], p["UseSSL"], p["ThrottleLimit"]));
    }

    [Fact]
    public void Default_authentication_no_credential_no_port_and_no_SSL_leave_their_parameters_out()
    {
        var p = Build(new FleetConnection { ComputerNames = ["node01"], Authentication = "Default" });

        Assert.DoesNotContain("Authentication", p.Keys);
        Assert.DoesNotContain("Credential", p.Keys);
        Assert.DoesNotContain("Port", p.Keys);
        Assert.DoesNotContain("UseSSL", p.Keys);
    }

    [Fact]
    public void Sessions_go_to_Session_and_no_ComputerName_is_passed()
    {
        var s1 = new object();
        var s2 = new object();

        var p = Build(new FleetConnection { Sessions = [s1, s2] });

        Assert.Equal([s1, s2], (object[])p["Session"]);
        Assert.DoesNotContain("ComputerName", p.Keys);
    }

    [Fact]
    public void Sessions_with_a_credential_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Build(new FleetConnection { Sessions = [new object()], Credential = new object() }));
    }

    [Theory]
    [InlineData("Credssp")]
    [InlineData("CredSSP")]
    [InlineData(" credssp ")]
    public void CredSSP_is_refused_in_any_case(string authentication)
    {
        var ex = Assert.Throws<ArgumentException>(() => Build(new FleetConnection { ComputerNames = ["node01"], Authentication = authentication }));

        Assert.StartsWith("CredSSP is not used", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_node_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Build(new FleetConnection()));
    }
}
