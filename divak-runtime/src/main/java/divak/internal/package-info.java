/**
 * Helpers shared by divak's own packages (hex encoding of ids). Not API: public only because Java
 * packages cannot share otherwise; anything here may change or go away in any release, and it is
 * left out of the javadoc.
 */
@NullMarked
package divak.internal;

import org.jspecify.annotations.NullMarked;
