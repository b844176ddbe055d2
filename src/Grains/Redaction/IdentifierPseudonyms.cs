using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AgentOps.Redaction;

/// <summary>
/// Replaces an identifier that a detector recognises (a user id that is an e-mail address or phone number) with a
/// stable pseudonym such as <c>email-3fa9c1d2e4b5a697</c>: the value is never stored, yet one user stays one user
/// grain. Ids that hold nothing sensitive are returned as they are.
/// </summary>
public sealed class IdentifierPseudonyms(TextRedactor text, IOptions<RedactionOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.PseudonymKey ?? string.Empty);

    public string? Pseudonym(string? id)
    {
        if (id is null || !text.Enabled || !text.ContainsSensitiveData(id))
        {
            return id;
        }

        var type = text.Find(id) is [var first, ..] ? first.Type : "id";
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id));
        return string.Concat(type.Replace('_', '-'), "-", Convert.ToHexStringLower(hash.AsSpan(0, 8)));
    }
}
