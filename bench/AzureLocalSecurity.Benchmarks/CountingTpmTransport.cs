using AzureLocalSecurity.Tpm.Transports;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Passes commands through to another transport and counts them: each <see cref="Submit"/> is one command round trip
/// to the TPM (a command the client retries counts each time it is sent, as it crosses the wire each time).
/// </summary>
internal sealed class CountingTpmTransport(ITpmTransport inner) : ITpmTransport
{
    public string Description => inner.Description;

    public int RoundTrips { get; private set; }

    public byte[] Submit(byte[] command)
    {
        RoundTrips++;
        return inner.Submit(command);
    }

    public void Dispose() => inner.Dispose();
}
