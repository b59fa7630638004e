namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Event data that is text: EV_EFI_ACTION and EV_ACTION (ASCII), EV_IPL and EV_POST_CODE strings (ASCII or UTF-16, as
/// written), EV_S_CRTM_VERSION (UTF-16, or a GUID shown as text), EV_EFI_HCRTM_EVENT, EV_OMIT_BOOT_DEVICE_EVENTS.
/// Trailing NULs are left out.
/// </summary>
public sealed class TcgTextEventData : TcgEventData
{
    internal TcgTextEventData(string text)
    {
        Text = text;
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string Summary => Text.Length == 0 ? "(empty)" : TcgBytes.OneLine(Text);
}
