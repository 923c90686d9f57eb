using DuckDB.NET.Data;
using TrainingOrchestration.Pipelines.Sql;

namespace TrainingOrchestration.LocalRuntime.Sandbox;

/// <summary>
/// The walls around user SQL on a local DuckDB connection. First <see cref="FeatureSqlGuard"/> (one SELECT over the
/// job's views); then, after the job has created those views, DuckDB itself: <c>enable_external_access = false</c>
/// (no file, network, ATTACH, COPY or extension outside <c>allowed_directories</c>), a <c>memory_limit</c>, and
/// <c>lock_configuration = true</c> so the SQL cannot set any of it back. DuckDB allows switching external access
/// off, never on again, while the database runs ("Securing DuckDB", duckdb.org/docs/stable/operations_manual/securing_duckdb/overview).
/// </summary>
public static class DuckDbSandbox
{
    /// <summary>Memory DuckDB may use for one job; spilling to the temp directory set before sealing still works.</summary>
    public const string MemoryLimit = "1GB";

    /// <summary>Refuses SQL that reaches outside (the message names the line and column), then seals the connection.</summary>
    /// <param name="allowedDirectories">Folders the job itself still writes after the SQL (its outputs); empty for none.</param>
    /// <exception cref="SandboxedSqlException">The SQL breaks a rule of <see cref="FeatureSqlGuard"/>.</exception>
    public static void Seal(DuckDBConnection db, string sql, IReadOnlyCollection<string> views, IReadOnlyCollection<string> allowedDirectories)
    {
        if (FeatureSqlGuard.Check(sql, views) is { } violation) throw new SandboxedSqlException(violation);
        Seal(db, allowedDirectories);
    }

    /// <summary>Seals the connection without a SQL check (for a caller that checked it already).</summary>
    public static void Seal(DuckDBConnection db, IReadOnlyCollection<string> allowedDirectories)
    {
        var statements = new List<string>();
        // The spill folder set before sealing stays usable, so a large job still runs within the memory limit.
        var allowed = allowedDirectories.Append(TempDirectory(db)).OfType<string>().Where(d => d.Length > 0).ToList();
        if (allowed.Count > 0)
        {
            var list = string.Join(", ", allowed.Select(d => "'" + Path.GetFullPath(d).TrimEnd(Path.DirectorySeparatorChar).Replace("'", "''") + "/'"));
            statements.Add($"SET allowed_directories = [{list}]");
        }
        statements.Add("SET enable_external_access = false");
        statements.Add($"SET memory_limit = '{MemoryLimit}'");
        statements.Add("SET autoinstall_known_extensions = false");
        statements.Add("SET autoload_known_extensions = false");
        statements.Add("SET lock_configuration = true");
        foreach (var statement in statements)
        {
            using var command = db.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    private static string? TempDirectory(DuckDBConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT current_setting('temp_directory')";
        return command.ExecuteScalar() as string;
    }
}
