using System.Linq;
using AzureLocalSecurity.SecurityLogging;
using Xunit;

namespace AzureLocalSecurity.Tests.SecurityLogging;

public sealed class SecurityLoggingParserTests
{
    [Fact]
    public void An_array_of_one_object_reads_the_documented_names_without_regard_to_case()
    {
        var c = Assert.Single(SyslogForwarderOutputParser.Parse("\uFEFF[{\"servername\":\"siem\",\"SERVERPORT\":\"6514\",\"UseUdp\":\"False\",\"NoEncryption\":0,\"SkipServerCNCheck\":null,\"Extra\":{\"a\":[1,2]}}]\r\n"));

        Assert.Equal("siem", c.ServerName);
        Assert.Equal(6514, c.ServerPort);
        Assert.False(c.UseUdp);
        Assert.False(c.NoEncryption);
        Assert.Null(c.SkipServerCNCheck);
        Assert.Null(c.SkipServerCertificateCheck);
        Assert.False(c.HasClientCertificateProperty);
        Assert.Equal("{\"a\":[1,2]}", c.Get("extra")!.Text);
        Assert.Equal(["servername", "SERVERPORT", "UseUdp", "NoEncryption", "SkipServerCNCheck", "Extra"], c.Names);
    }

    [Fact]
    public void A_single_object_and_empty_output_are_read()
    {
        Assert.Single(SyslogForwarderOutputParser.Parse("{\"ServerName\":\"x\"}"));
        Assert.Empty(SyslogForwarderOutputParser.Parse("  \r\n"));
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("[1]")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("{\"a\":")]
    [InlineData("Get-AzSSyslogForwarder : not recognized")]
    [InlineData("[[[[[[[[[[1]]]]]]]]]]")]
    public void Output_that_is_not_the_objects_is_refused(string text)
    {
        Assert.Throws<SyslogForwarderOutputException>(() => SyslogForwarderOutputParser.Parse(text));
    }

    [Fact]
    public void The_limits_are_enforced()
    {
        Assert.Throws<SyslogForwarderOutputException>(() => SyslogForwarderOutputParser.Parse(new string(' ', SyslogForwarderOutputParser.MaxCharacters + 1)));
        var many = "[" + string.Join(",", Enumerable.Repeat("{}", SyslogForwarderOutputParser.MaxObjects + 1)) + "]";
        Assert.Throws<SyslogForwarderOutputException>(() => SyslogForwarderOutputParser.Parse(many));
    }

    [Fact]
    public void A_subscription_manager_value_gives_its_server_scheme_refresh_and_issuer()
    {
        var e = SubscriptionManagerEntry.Parse("Server=HTTPS://wec.contoso.com:5986/wsman/SubscriptionManager/WEC, Refresh=60 ,IssuerCA=AB12");

        Assert.Equal("HTTPS://wec.contoso.com:5986/wsman/SubscriptionManager/WEC", e.Server);
        Assert.True(e.IsHttps);
        Assert.Equal(60, e.RefreshSeconds);
        Assert.Equal("AB12", e.IssuerCA);
        Assert.Equal(3, e.Pairs.Count);
    }

    [Theory]
    [InlineData("Server=http://wec:5985/wsman/SubscriptionManager/WEC,Refresh=60", "http")]
    [InlineData("Server=wec.contoso.com:5985/wsman/SubscriptionManager/WEC", "http")]
    [InlineData("Server=ftp://wec", null)]
    [InlineData("Refresh=60", null)]
    [InlineData("", null)]
    public void The_scheme_is_http_for_plain_and_schemeless_addresses(string value, string? scheme)
    {
        var e = SubscriptionManagerEntry.Parse(value);
        Assert.Equal(scheme, e.Scheme);
        Assert.False(e.IsHttps);
    }
}
