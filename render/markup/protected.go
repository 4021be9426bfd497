package markup

// ProtectedNotice is what every output shows in place of the text of a
// protected post (post.Post.Protected) unless the program asks for the
// text: the page's body and summary, a feed entry's content and summary.
// WordPress shows such a post the same way, its title and a notice.
const ProtectedNotice = `<p class="protected">This post is password protected.</p>`
