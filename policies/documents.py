"""Version history: documents grouped with the earlier versions they replace."""

from dataclasses import dataclass, field


@dataclass
class DocumentVersions:
    """A current document and the earlier versions it replaces, newest first."""

    current: object
    earlier: list = field(default_factory=list)

    @property
    def version(self):
        """The current document's version number, counting from 1."""
        return len(self.earlier) + 1

    def numbered_earlier(self):
        """(version number, document) for each earlier version, newest first."""
        return [(self.version - 1 - i, document) for i, document in enumerate(self.earlier)]


def version_history(documents):
    """Group ``documents`` (already fetched) into chains of versions.

    Only the documents given count: an earlier version replaced by a document
    that is not given (not yet published, say) is still current.
    """
    documents = list(documents)
    by_pk = {document.pk: document for document in documents}
    replaced = {document.supersedes_id for document in documents if document.supersedes_id}
    chains = []
    for document in documents:
        if document.pk in replaced:
            continue  # listed under the later version that replaces it
        chain = DocumentVersions(document)
        earlier = by_pk.get(document.supersedes_id)
        while earlier is not None and earlier not in chain.earlier:
            chain.earlier.append(earlier)
            earlier = by_pk.get(earlier.supersedes_id)
        chains.append(chain)
    return chains
