namespace AgentOps.Client.Events;

/// <summary>Generates event and run ids: UUIDv7 strings (time-ordered, 74 random bits, unique without coordination).</summary>
public static class EventIds
{
    /// <summary>A new UUIDv7 string (RFC 9562) whose time part is <paramref name="now"/>, for example <c>0197a3c4-5e6f-7abc-9def-0123456789ab</c>.</summary>
    /// <param name="now">The time stamped in the id's first 48 bits (Unix milliseconds; earlier than 1970 counts as 0).</param>
    /// <returns>The id, 36 characters.</returns>
    /// <remarks>
    /// The 74 random bits come from <see cref="Random.Shared"/> (a per-thread generator seeded from the OS), not from the
    /// OS on every call as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> does: ids need to be unique, not secret, and
    /// this keeps <see cref="AgentOpsClient.Track"/> cheap on the agent's thread.
    /// </remarks>
    public static string New(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = Math.Max(0, now.ToUnixTimeMilliseconds());
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)milliseconds;
            milliseconds >>= 8;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>
    /// True when <paramref name="id"/> is a valid entity id of API.md (agent, route, user and run ids):
    /// 1-128 characters of <c>A-Z a-z 0-9 . _ : @ + -</c>.
    /// </summary>
    public static bool IsValidEntityId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 128)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or ':' or '@' or '+' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
