using System.Buffers;

namespace AgentOps.Redaction;

/// <summary>
/// PEM private-key blocks, from <c>-----BEGIN ... PRIVATE KEY-----</c> through <c>-----END ... PRIVATE KEY-----</c>,
/// over real line breaks or JSON-escaped ones (<c>\n</c>). A block whose end is missing (e.g. cut off by truncation)
/// is redacted from its first line through the end of the base64 body that follows. Linear: the body is one
/// vectorized scan for the first character that cannot be in a PEM body.
/// </summary>
internal sealed class PrivateKeyDetector() : Detector(RedactionTypes.PrivateKey, ["-----BEGIN "])
{
    /// <summary>What a PEM body (and its optional <c>Proc-Type:</c>/<c>DEK-Info:</c> headers) may contain, JSON escapes included.</summary>
    private static readonly SearchValues<char> BodyChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=:,.- \t\r\n\\");

    public override void Find(ReadOnlySpan<char> text, int startAt, int kind, ref FindingBuffer findings)
    {
        var covered = 0;
        foreach (var begin in BuiltInPatterns.PrivateKeyBegin().EnumerateMatches(text, startAt))
        {
            if (begin.Index < covered)
            {
                continue;
            }

            var bodyStart = begin.Index + begin.Length;
            var run = text[bodyStart..].IndexOfAnyExcept(BodyChars);
            var bodyEnd = run < 0 ? text.Length : bodyStart + run;
            var end = FindEnd(text, bodyStart, bodyEnd);
            findings.Add(new Finding(begin.Index, end, kind));
            covered = end;
        }
    }

    /// <summary>The end of the END line within the body, else the body's end without trailing blanks and escapes.</summary>
    private static int FindEnd(ReadOnlySpan<char> text, int bodyStart, int bodyEnd)
    {
        var from = bodyStart;
        while (from < bodyEnd)
        {
            var at = text[from..bodyEnd].IndexOf("-----END ", StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var endLine = from + at;
            foreach (var match in BuiltInPatterns.PrivateKeyEnd().EnumerateMatches(text[endLine..]))
            {
                return endLine + match.Length;
            }

            from = endLine + 1;
        }

        // No END line: keep blanks and escape sequences after the body (e.g. a JSON "\n" before the closing quote).
        var end = bodyEnd;
        while (end > bodyStart)
        {
            var c = text[end - 1];
            if (c is ' ' or '\t' or '\r' or '\n' or '\\')
            {
                end--;
            }
            else if (c is 'n' or 'r' or 't' && end - 2 >= bodyStart && text[end - 2] == '\\')
            {
                end -= 2;
            }
            else
            {
                break;
            }
        }

        return end;
    }
}
