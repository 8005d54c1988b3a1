package org.payengine.adapters.antom;
