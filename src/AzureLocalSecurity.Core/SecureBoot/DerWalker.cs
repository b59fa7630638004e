using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// Steps through DER tag-length-values (X.690 §8.1) inside a range of the input, never outside it: only low tag numbers
/// and definite lengths of up to four bytes, each length checked against what is left. Enough to find the certificates
/// and signer identities of a PKCS#7 SignedData and the issuer and serial of a certificate; it does not decode values.
/// A problem is an <see cref="EfiFormatException"/> naming the byte of the input.
/// </summary>
internal sealed class DerWalker
{
    private readonly byte[] _data;
    private readonly int _end;
    private int _position;

    internal DerWalker(byte[] data, int start, int length)
    {
        _data = data;
        _position = start;
        _end = start + length;
    }

    internal bool HasMore => _position < _end;

    internal byte[] Data => _data;

    internal DerWalker Enter(DerElement element) => new(_data, element.ContentStart, element.ContentLength);

    /// <summary>The tag of the next element, or -1 at the end.</summary>
    internal int PeekTag() => _position < _end ? _data[_position] : -1;

    internal DerElement Read()
    {
        var start = _position;
        if (_end - _position < 2)
        {
            throw new EfiFormatException("a DER element needs at least 2 bytes", start);
        }

        var tag = _data[_position];
        if ((tag & 0x1F) == 0x1F)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "DER tag 0x{0:X2} uses the high-tag-number form, which PKCS#7 and X.509 do not", tag), start);
        }

        var first = _data[_position + 1];
        _position += 2;
        int length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            throw new EfiFormatException("an indefinite DER length (BER) is not DER", start + 1);
        }
        else
        {
            var count = first & 0x7F;
            if (count > 4)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "a DER length of {0} bytes is longer than any input", count), start + 1);
            }

            if (_end - _position < count)
            {
                throw new EfiFormatException("the DER length is cut short", start + 1);
            }

            long value = 0;
            for (var i = 0; i < count; i++)
            {
                value = (value << 8) | _data[_position + i];
            }

            _position += count;
            if (value > int.MaxValue)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "the DER length {0} is longer than any input", value), start + 1);
            }

            length = (int)value;
        }

        if (length > _end - _position)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "the DER element says {0} bytes but only {1} are left", length, _end - _position), start + 1);
        }

        var element = new DerElement(tag, start, _position, length);
        _position += length;
        return element;
    }

    /// <summary>Reads the next element and fails unless it has the tag.</summary>
    internal DerElement Read(byte tag, string what)
    {
        var at = _position;
        if (PeekTag() != tag)
        {
            throw new EfiFormatException(
                string.Format(CultureInfo.InvariantCulture, "{0} should have DER tag 0x{1:X2}, not {2}", what, tag, PeekTag() < 0 ? "the end" : "0x" + PeekTag().ToString("X2", CultureInfo.InvariantCulture)),
                at);
        }

        return Read();
    }
}
