package dev.burstgitops.gitops.forge;

/** A GitHub or Gitea repository, {@code owner/name}: exactly two parts, each one path segment. */
record OwnerAndName(String owner, String name) {

    static OwnerAndName parse(String repository) {
        String[] parts = repository == null ? new String[0] : repository.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("repository must be owner/name, got: " + repository);
        }
        return new OwnerAndName(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
