using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Fleet;
using Xunit;

namespace AzureLocalSecurity.Tests.Fleet;

/// <summary>The -Cluster expansion: Get-ClusterNode's Name and State as they come back over remoting.</summary>
public sealed class ClusterNodeListTests
{
    private static KeyValuePair<string?, string?> N(string? name, string? state) => new(name, state);

    [Fact]
    public void Up_nodes_are_assessed_and_Down_and_Paused_nodes_are_not_with_their_state_as_the_reason()
    {
        var nodes = ClusterNodeList.Parse([N("NODE01", "Up"), N("NODE02", "Down"), N("NODE03", "Paused"), N("NODE04", "Up")]);

        Assert.Equal(["NODE01", "NODE04"], nodes.Where(n => n.IsUp).Select(n => n.Name));
        Assert.Equal(["node state is Down", "node state is Paused"], nodes.Where(n => !n.IsUp).Select(n => n.NotUpReason));
    }

    [Theory]
    [InlineData("0", "Up")]
    [InlineData("1", "Down")]
    [InlineData("2", "Paused")]
    [InlineData("3", "Joining")]
    [InlineData("-1", "Unknown")]
    [InlineData("up", "Up")]
    [InlineData(" Down ", "Down")]
    public void A_state_sent_as_its_number_or_in_another_case_reads_as_its_name(string sent, string state)
    {
        Assert.Equal(state, ClusterNodeList.Parse([N("NODE01", sent)]).Single().State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sleeping")]
    public void A_missing_or_unknown_state_is_Unknown_and_the_node_is_not_assessed(string? state)
    {
        var node = ClusterNodeList.Parse([N("NODE01", state)]).Single();

        Assert.Equal("Unknown", node.State);
        Assert.False(node.IsUp);
    }

    [Fact]
    public void A_node_listed_twice_is_kept_once_and_entries_without_a_name_are_skipped()
    {
        var nodes = ClusterNodeList.Parse([N("NODE01", "Up"), N(null, "Up"), N(" ", "Up"), N("node01", "Down")]);

        Assert.Equal("NODE01 (Up)", Assert.Single(nodes).ToString());
    }

    [Fact]
    public void A_list_without_a_node_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => ClusterNodeList.Parse([]));
    }
}
