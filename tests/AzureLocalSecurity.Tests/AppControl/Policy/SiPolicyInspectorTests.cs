using System;
using System.IO;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.AppControl.Policy;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

public sealed class SiPolicyInspectorTests
{
    private static byte[] Compile(string template) =>
        SiPolicyBinaryWriter.Write(SiPolicyXml.Load(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "wdac", template)));

    [Fact]
    public void A_compiled_supplemental_policy_names_its_base_which_the_header_alone_cannot()
    {
        var bytes = Compile("Empty_Supplemental.xml");
        var xml = SiPolicyXml.Load(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "wdac", "Empty_Supplemental.xml"));

        Assert.True(SiPolicyInspector.Instance.TryInspect(bytes, out var facts, out _));
        Assert.True(CompiledPolicyHeaderReader.Instance.TryInspect(bytes, out var header, out _));

        Assert.Null(header!.BasePolicyId);
        Assert.Equal(Guid.Parse(xml.BasePolicyId!), facts!.BasePolicyId);
        Assert.Equal(Guid.Parse(xml.PolicyId!), facts.PolicyId);
        Assert.NotEqual(facts.PolicyId, facts.BasePolicyId);
        Assert.Equal(header.OptionFlags, facts.OptionFlags);
    }

    [Fact]
    public void A_header_whose_body_does_not_read_keeps_the_header_facts()
    {
        var bytes = Compile("AllowMicrosoft.xml");
        Array.Resize(ref bytes, 0x60);

        Assert.True(SiPolicyInspector.Instance.TryInspect(bytes, out var facts, out _));
        Assert.Null(facts!.PolicyId);
        Assert.Equal(7u, facts.FormatVersion);
    }

    [Fact]
    public void Bytes_that_are_not_a_policy_are_refused_with_a_reason()
    {
        Assert.False(SiPolicyInspector.Instance.TryInspect(new byte[10], out _, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
