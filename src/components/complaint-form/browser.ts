// The complaint page's script, bundled on its own into /assets/complaint-form.js (src/components/assets.ts).
import { enhanceComplaintForm } from './complaint-form-client.ts';

enhanceComplaintForm(document);
