using AzureLocalSecurity.Fleet;
using Xunit;

namespace AzureLocalSecurity.Tests.Fleet;

/// <summary>What remoting reports per node, turned into one answer per node (the remoting source's logic, as data).</summary>
public sealed class NodeCaptureTrackerTests
{
    [Fact]
    public void The_first_string_a_node_writes_is_its_capture_and_later_output_is_ignored()
    {
        var tracker = new NodeCaptureTracker();

        var first = tracker.Output("node01", "{\"a\":1}");
        var second = tracker.Output("NODE01", "{\"a\":2}");

        Assert.Equal("{\"a\":1}", first!.Json);
        Assert.Null(second);
    }

    [Fact]
    public void Output_that_is_not_a_string_is_not_a_capture()
    {
        var tracker = new NodeCaptureTracker();

        Assert.Null(tracker.Output("node01", 42));
        Assert.False(tracker.IsDone("node01"));
    }

    [Fact]
    public void A_connection_failure_ends_the_node_at_once_as_unreachable()
    {
        var tracker = new NodeCaptureTracker();

        var failed = tracker.Error("node01", "Connecting to remote server node01 failed with the following error message : Access is denied.", connectionFailure: true);

        Assert.Equal(NodeFailureKind.Unreachable, failed!.FailureKind);
        Assert.Contains("Access is denied.", failed.FailureReason, System.StringComparison.Ordinal);
        Assert.Null(tracker.Finished("node01"));
    }

    [Fact]
    public void A_WinRM_timeout_is_reported_as_timed_out()
    {
        var tracker = new NodeCaptureTracker();

        var failed = tracker.Error("node01", "The WinRM client cannot complete the operation within the time specified.", connectionFailure: true);

        Assert.Equal(NodeFailureKind.TimedOut, failed!.FailureKind);
    }

    [Fact]
    public void A_script_error_is_held_and_becomes_the_failure_when_the_node_ends_without_a_capture()
    {
        var tracker = new NodeCaptureTracker();

        Assert.Null(tracker.Error("node01", "Get-CimInstance : Invalid class", connectionFailure: false));
        var failed = tracker.Finished("node01");

        Assert.Equal((NodeFailureKind.ScriptFailed, "Get-CimInstance : Invalid class"), (failed!.FailureKind!.Value, failed.FailureReason));
    }

    [Fact]
    public void A_script_error_before_the_capture_becomes_a_warning_on_it()
    {
        var tracker = new NodeCaptureTracker();

        tracker.Error("node01", "one fact could not be read", connectionFailure: false);
        var capture = tracker.Output("node01", "{}");

        Assert.True(capture!.Succeeded);
        Assert.Equal(["one fact could not be read"], capture.Warnings);
    }

    [Fact]
    public void A_node_that_ends_with_nothing_failed_its_script_and_a_job_failure_reason_is_kept()
    {
        var tracker = new NodeCaptureTracker();

        var silent = tracker.Finished("node01");
        var broken = tracker.Finished("node02", "The network path was not found.");

        Assert.Equal((NodeFailureKind.ScriptFailed, "The capture script ended without returning a capture."), (silent!.FailureKind!.Value, silent.FailureReason));
        Assert.Equal((NodeFailureKind.Unreachable, "The network path was not found."), (broken!.FailureKind!.Value, broken.FailureReason));
    }
}
