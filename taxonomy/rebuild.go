package taxonomy

// UndoRenames gives every post whose slug Build set (see Renamed) the slug
// it came with again. Build renames a post whose slug another post has,
// and writes the new slug into the post; a program that keeps its posts
// between builds, edits or removes some and indexes them again (a preview
// server, a watcher) calls UndoRenames on the old index first, so that
// the new index numbers the slugs as a first Build of the same posts
// would: when the post that held "x" is deleted, "x-2" gets "x" back.
//
// Afterwards the old index no longer matches its posts' slugs and should
// not be used to write pages. Calling it twice, or on an index that
// renamed nothing, changes nothing.
func (idx *Index) UndoRenames() {
	for i, p := range idx.renamedPosts {
		if p.Slug == idx.renamed[i].New {
			p.Slug = idx.renamed[i].Old
		}
	}
}
