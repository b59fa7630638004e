namespace AzureLocalSecurity.SecureBoot;

/// <summary>One DER tag-length-value: where it starts in the input, where its content starts, how long the content is.</summary>
internal readonly struct DerElement
{
    internal DerElement(byte tag, int start, int contentStart, int contentLength)
    {
        Tag = tag;
        Start = start;
        ContentStart = contentStart;
        ContentLength = contentLength;
    }

    internal byte Tag { get; }

    internal int Start { get; }

    internal int ContentStart { get; }

    internal int ContentLength { get; }

    internal int End => ContentStart + ContentLength;

    internal int Length => End - Start;
}
