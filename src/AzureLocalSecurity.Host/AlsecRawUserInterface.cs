using System;
using System.Management.Automation.Host;

namespace AzureLocalSecurity.Host;

/// <summary>The raw interface: a fixed-width buffer so the formatter lays out tables; no cursor or key input.</summary>
internal sealed class AlsecRawUserInterface : PSHostRawUserInterface
{
    private Size _size;

    public AlsecRawUserInterface(int width) => _size = new Size(width, 50);

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize
    {
        get => _size;
        set => _size = value;
    }

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; }

    public override bool KeyAvailable => false;

    public override Size MaxPhysicalWindowSize => _size;

    public override Size MaxWindowSize => _size;

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize
    {
        get => _size;
        set => _size = value;
    }

    public override string WindowTitle { get; set; } = "alsec";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("alsec has no screen buffer.");

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("alsec is not interactive.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException("alsec has no screen buffer.");

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException("alsec has no screen buffer.");

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException("alsec has no screen buffer.");
}
