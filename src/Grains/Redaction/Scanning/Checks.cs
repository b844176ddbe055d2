using System.Globalization;

namespace AgentOps.Redaction;

/// <summary>
/// The checks that turn regex candidates into findings: digit counts of phone numbers, card ranges and the Luhn
/// check, IBAN lengths and the ISO 13616 mod-97 check, the randomness of <c>sk-</c> keys, and the trimming of labelled
/// secrets down to their value. Each is a <see cref="RefineMatch"/>.
/// </summary>
internal static class Checks
{
    /// <summary>Country code and IBAN length of every IBAN country (SWIFT IBAN registry).</summary>
    private static readonly byte[] IbanLengths = BuildIbanLengths(
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 "
        + "DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 "
        + "GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 "
        + "LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 "
        + "PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 "
        + "SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30 ");

    /// <summary>A phone candidate: 8 to 15 digits after a <c>+</c> (E.164; also escaped as <c>\u002B</c>), 9 to 13 otherwise.</summary>
    public static bool Phone(ReadOnlySpan<char> text, ref int start, ref int length)
    {
        var candidate = text.Slice(start, length);
        if (candidate[0] == '\\')
        {
            // The plus sign as the JSON escape \u002B (one backslash per level of nesting).
            return CountDigits(candidate[(candidate.IndexOfAnyExcept('\\') + 5)..]) is >= 8 and <= 15;
        }

        var digits = CountDigits(candidate);
        return candidate[0] == '+' ? digits is >= 8 and <= 15 : digits is >= 9 and <= 13;
    }

    /// <summary>
    /// A card candidate: the longest prefix of 13 to 19 digits ending at a group boundary that lies in a known card
    /// range for its length and passes the Luhn check. Grouped numbers need groups of at least 3 digits.
    /// </summary>
    public static bool Card(ReadOnlySpan<char> text, ref int start, ref int length)
    {
        var candidate = text.Slice(start, length);
        Span<byte> digits = stackalloc byte[19];
        Span<int> ends = stackalloc int[19];
        var count = 0;
        var group = 0;
        for (var i = 0; i < candidate.Length; i++)
        {
            var c = candidate[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count] = (byte)(c - '0');
                ends[count++] = i + 1;
                group++;
            }
            else
            {
                if (group < 3)
                {
                    return false;
                }

                group = 0;
            }
        }

        for (var n = count; n >= 13; n--)
        {
            var end = ends[n - 1];
            var atBoundary = n == count || !char.IsAsciiDigit(candidate[end]);
            if (atBoundary && IsCardRange(digits[..n]) && Luhn(digits[..n]))
            {
                length = end;
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the digits pass the Luhn (mod 10) check.</summary>
    public static bool Luhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// True when the number lies in an issuer range that uses its length: Visa, Mastercard, American Express,
    /// Discover, JCB, Diners Club, UnionPay, Maestro.
    /// </summary>
    public static bool IsCardRange(ReadOnlySpan<byte> d)
    {
        var n = d.Length;
        var p2 = (d[0] * 10) + d[1];
        var p3 = (p2 * 10) + d[2];
        var p4 = (p3 * 10) + d[3];
        return d[0] switch
        {
            4 => n is 13 or 16 or 19,                                              // Visa
            2 => p4 is >= 2221 and <= 2720 && n == 16,                             // Mastercard 2-series
            5 => (p2 is >= 51 and <= 55 && n == 16) || p2 is 50 or (>= 56 and <= 59), // Mastercard, Maestro
            3 => (p2 is 34 or 37 && n == 15)                                       // American Express
                 || (p4 is >= 3528 and <= 3589 && n >= 16)                         // JCB
                 || ((p3 is >= 300 and <= 305 || p2 is 36 or 38 or 39) && n >= 14), // Diners Club
            6 => n >= 13,                                                          // Discover, UnionPay, Maestro
            _ => false,
        };
    }

    /// <summary>
    /// An IBAN candidate: a known country code, exactly that country's length (spaces between characters ignored),
    /// not glued to further letters or digits, and the ISO 13616 mod-97 check gives 1. Narrows the match to the IBAN.
    /// </summary>
    public static bool Iban(ReadOnlySpan<char> text, ref int start, ref int length)
    {
        var expected = IbanLength(text[start], text[start + 1]);
        if (expected == 0)
        {
            return false;
        }

        Span<char> iban = stackalloc char[34];
        var count = 0;
        var end = start;
        var limit = start + length;
        while (end < limit && count < expected)
        {
            var c = text[end++];
            if (c != ' ')
            {
                iban[count++] = c;
            }
        }

        if (count < expected || (end < text.Length && char.IsAsciiLetterOrDigit(text[end])))
        {
            return false;
        }

        if (Mod97(iban[4..count], iban[..4]) != 1)
        {
            return false;
        }

        length = end - start;
        return true;
    }

    /// <summary>An <c>sk-</c> key candidate: random-looking, i.e. it has a digit, a capital and a small letter.</summary>
    public static bool RandomLooking(ReadOnlySpan<char> text, ref int start, ref int length)
    {
        var token = text.Slice(start, length);
        return token.IndexOfAnyInRange('0', '9') >= 0 && token.IndexOfAnyInRange('A', 'Z') >= 0 && token.IndexOfAnyInRange('a', 'z') >= 0;
    }

    /// <summary>
    /// Keeps the label of a <c>label=value</c> or <c>label: value</c> match and redacts the value: what follows the first
    /// <c>=</c> or <c>:</c>, blanks and an opening quote (also JSON-escaped: <c>\"</c>, <c>\u0022</c>, <c>\u0027</c>).
    /// </summary>
    public static bool ValueAfterLabel(ReadOnlySpan<char> text, ref int start, ref int length)
    {
        var match = text.Slice(start, length);
        var skip = match.IndexOfAny('=', ':');
        if (skip < 0)
        {
            return false;
        }

        skip++;
        while (skip < match.Length && match[skip] == ' ')
        {
            skip++;
        }

        // An opening quote: " or ', JSON-escaped (\" \u0022 \u0027) at any level of nesting.
        var rest = match[skip..];
        var backslashes = rest.IndexOfAnyExcept('\\');
        if (backslashes >= 0)
        {
            var quote = rest[backslashes..];
            if (quote.Length > 0 && quote[0] is '"' or '\'')
            {
                skip += backslashes + 1;
            }
            else if (backslashes > 0 && (quote.StartsWith("u0022", StringComparison.Ordinal) || quote.StartsWith("u0027", StringComparison.Ordinal)))
            {
                skip += backslashes + 5;
            }
        }

        start += skip;
        length -= skip;
        return length > 0;
    }

    /// <summary>
    /// Adds to <paramref name="groups"/> every group of digits in <paramref name="text"/> with at least
    /// <paramref name="minDigits"/> digits, as <c>(first digit, after last digit, digit count)</c>. A group is digits
    /// joined by at most two of <c>space - . ( )</c> in a row. One pass, jumping from digit run to digit run.
    /// </summary>
    public static void CollectDigitGroups(ReadOnlySpan<char> text, int minDigits, ref FindingBuffer groups)
    {
        var next = text.IndexOfAnyInRange('0', '9');
        while (next >= 0)
        {
            var i = next;
            var end = next;
            var digits = 0;
            var gap = 0;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                    gap = 0;
                    end = i + 1;
                }
                else if (c is ' ' or '-' or '.' or '(' or ')' && gap < 2)
                {
                    gap++;
                }
                else
                {
                    break;
                }
            }

            if (digits >= minDigits)
            {
                groups.Add(new Finding(next, end, digits));
            }

            if (i >= text.Length)
            {
                break;
            }

            var rest = text[i..].IndexOfAnyInRange('0', '9');
            next = rest < 0 ? -1 : i + rest;
        }
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The mod-97 of the BBAN followed by country code and check digits, letters as 10..35.</summary>
    private static int Mod97(ReadOnlySpan<char> bban, ReadOnlySpan<char> head)
    {
        var remainder = 0;
        foreach (var c in bban)
        {
            remainder = Step(remainder, c);
        }

        foreach (var c in head)
        {
            remainder = Step(remainder, c);
        }

        return remainder;

        static int Step(int remainder, char c) => char.IsAsciiDigit(c)
            ? ((remainder * 10) + (c - '0')) % 97
            : ((remainder * 100) + (c - 'A' + 10)) % 97;
    }

    /// <summary>The IBAN length of a country (SWIFT IBAN registry), or 0 when the code is not an IBAN country.</summary>
    private static int IbanLength(char a, char b) =>
        char.IsAsciiLetterUpper(a) && char.IsAsciiLetterUpper(b) ? IbanLengths[((a - 'A') * 26) + (b - 'A')] : 0;

    /// <summary>IBAN lengths by country code, as a 26 x 26 table.</summary>
    private static byte[] BuildIbanLengths(string registry)
    {
        var lengths = new byte[26 * 26];
        foreach (var entry in registry.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            lengths[((entry[0] - 'A') * 26) + (entry[1] - 'A')] = byte.Parse(entry.AsSpan(2), CultureInfo.InvariantCulture);
        }

        return lengths;
    }
}
