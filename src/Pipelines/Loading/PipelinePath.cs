namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Resolves a path written in <c>pipeline.yaml</c> so that it stays inside the pipeline folder: absolute paths, <c>..</c>
/// that climbs out, and symbolic links (of the file or of any folder on the way) that point outside are refused, as is
/// a folder where a file is expected. Nothing outside the folder is read, copied into the cloud assembly or uploaded.
/// </summary>
internal static class PipelinePath
{
    /// <summary>The absolute path, or null with the problem and what to do.</summary>
    public static string? Resolve(string directory, string relative, out string? problem, out string? fix)
    {
        (problem, fix) = (null, null);
        if (Path.IsPathRooted(relative) || relative.StartsWith('~'))
        {
            (problem, fix) = ($"'{relative}' is an absolute path.", "Write a path relative to the pipeline folder, to a file inside it.");
            return null;
        }
        var root = RealPath(Path.GetFullPath(directory));
        var full = Path.GetFullPath(Path.Combine(directory, relative));
        if (!IsInside(Path.GetFullPath(directory), full))
        {
            (problem, fix) = ($"'{relative}' resolves to {full}, outside the pipeline folder.", "Keep every file of the pipeline inside its folder and remove the '..'.");
            return null;
        }
        var real = RealPath(full);
        if (!IsInside(root, real))
        {
            (problem, fix) = ($"'{relative}' is a symbolic link (or under one) to {real}, outside the pipeline folder.",
                "Copy the file into the pipeline folder instead of linking to it.");
            return null;
        }
        if (Directory.Exists(full))
        {
            (problem, fix) = ($"'{relative}' is a folder, not a file.", "Name the file inside it.");
            return null;
        }
        if (File.Exists(full)) return full;
        (problem, fix) = ($"file '{relative}' does not exist (looked for {full}).",
            $"Create it in {directory} or correct the path (paths are relative to the pipeline folder).");
        return null;
    }

    private static bool IsInside(string folder, string path) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link on it followed, component by component (what the OS would open).</summary>
    private static string RealPath(string path)
    {
        var root = Path.GetPathRoot(path)!;
        var current = root;
        var parts = new Queue<string>(path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        for (var hops = 0; parts.Count > 0 && hops < 64;)
        {
            var next = Path.Combine(current, parts.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            hops++;
            var resolved = Path.GetFullPath(Path.Combine(current, target));
            var rest = parts.ToArray();
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            parts = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
            current = resolvedRoot;
        }
        return current;
    }
}
